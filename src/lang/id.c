/* Indonesian: the language's knowledge for sumcheck.
 *
 * Stopwords are function words (written for this project); month names follow
 * CLDR (id, ca-gregorian); the stemmer is the dictionary-guarded confix
 * stripper of stem_id.c.
 */
#include "lang.h"
#include "stem.h"

static size_t stem_id_builtin(const char *word, size_t len, char *out, size_t cap)
{
    return sc_stem_id(sc_id_dict_builtin(), word, len, out, cap);
}

static const char *const stopwords[] = {
    "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apabila", "atas",
    "atau", "bagai", "bagaimana", "bagi", "bahkan", "bahwa", "banyak", "beberapa",
    "begitu", "belum", "bila", "bisa", "boleh", "bukan", "cara", "dalam", "dan", "dapat",
    "dari", "daripada", "demikian", "dengan", "di", "dia", "dulu", "hal", "hampir",
    "hanya", "harus", "hingga", "ia", "ialah", "ini", "itu", "jadi", "jika", "juga",
    "kalau", "kami", "kamu", "karena", "kata", "katanya", "ke", "kemudian", "kepada",
    "ketika", "kita", "lagi", "lain", "lalu", "maka", "masih", "mengatakan", "menurut",
    "mereka", "meski", "mungkin", "namun", "nya", "oleh", "pada", "para", "pun", "saat",
    "saja", "sambil", "sampai", "sang", "satu", "sebagai", "sebelum", "sedang",
    "sehingga", "sejak", "selain", "sementara", "semua", "sendiri", "seperti", "serta",
    "setelah", "si", "sudah", "supaya", "tanpa", "tapi", "telah", "tentang", "tersebut",
    "tetapi", "tidak", "untuk", "walau", "yaitu", "yakni", "yang",
};

static const char *const abbreviations[] = {
    "bpk", "dkk", "dll", "dr", "dra", "drs", "dsb", "h", "hj", "hlm", "ir", "jl", "jln",
    "kab", "kec", "kel", "kh", "no", "ny", "prof", "sdr", "st", "tn", "tsb", "yth",
};

static const char *const disclaimer_phrases[] = {
    "dibuat oleh kecerdasan buatan", "ringkasan buatan ai", "ringkasan dibuat oleh ai",
    "ringkasan ini dibuat oleh ai", "ringkasan yang dibuat oleh ai",
    "ringkasan yang dihasilkan oleh ai",
};

const sc_lang sc_lang_id = {
    .code = "id",
    .name = "Indonesian",
    .group_separator = '.',
    .decimal_separator = ',',
    .stopwords = SC_WORD_LIST(stopwords),
    .abbreviations = SC_WORD_LIST(abbreviations),
    .disclaimer_phrases = SC_WORD_LIST(disclaimer_phrases),
    .months = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"},
    .months_abbr = {"jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"},
    .stem = stem_id_builtin,
};
