/* Indonesian: the language's knowledge for sumcheck.
 *
 * Stopwords are function words (written for this project); month names follow
 * CLDR (id, ca-gregorian); the stemmer is the dictionary-guarded confix
 * stripper of stem_id.c.
 */
#include <string.h>

#include "lang.h"
#include "stem.h"

static size_t stem_id_builtin(const char *word, size_t len, char *out, size_t cap)
{
    return sc_stem_id(sc_id_dict_builtin(), word, len, out, cap);
}

/* A word is common when it, or its root, is in the root dictionary:
 * "Pemerintah" opening a sentence is "perintah", not a name. */
static bool is_common_id(const char *word, size_t len)
{
    char root[256];
    if (len >= sizeof root)
        return false;
    const sc_id_dict *dict = sc_id_dict_builtin();
    if (sc_id_dict_has(dict, word, len))
        return true;
    size_t n = sc_stem_id(dict, word, len, root, sizeof root);
    return (n != len || memcmp(root, word, len) != 0) && sc_id_dict_has(dict, root, n);
}

static const char *const stopwords[] = {
    "ada",        "adalah",   "agar",      "akan",     "aku",     "anda",      "antara",
    "apa",        "apabila",  "atas",      "atau",     "bagai",   "bagaimana", "bagi",
    "bahkan",     "bahwa",    "banyak",    "beberapa", "begitu",  "belum",     "bila",
    "bisa",       "boleh",    "bukan",     "cara",     "dalam",   "dan",       "dapat",
    "dari",       "daripada", "demikian",  "dengan",   "di",      "dia",       "dulu",
    "hal",        "hampir",   "hanya",     "harus",    "hingga",  "ia",        "ialah",
    "ini",        "itu",      "jadi",      "jika",     "juga",    "kalau",     "kami",
    "kamu",       "karena",   "kata",      "katanya",  "ke",      "kemudian",  "kepada",
    "ketika",     "kita",     "lagi",      "lain",     "lalu",    "maka",      "masih",
    "mengatakan", "menurut",  "mereka",    "meski",    "mungkin", "namun",     "nya",
    "oleh",       "pada",     "para",      "pun",      "saat",    "saja",      "sambil",
    "sampai",     "sang",     "satu",      "sebagai",  "sebelum", "sedang",    "sehingga",
    "sejak",      "selain",   "sementara", "semua",    "sendiri", "seperti",   "serta",
    "setelah",    "si",       "sudah",     "supaya",   "tanpa",   "tapi",      "telah",
    "tentang",    "tersebut", "tetapi",    "tidak",    "untuk",   "walau",     "yaitu",
    "yakni",      "yang",
};

static const char *const abbreviations[] = {
    "bpk", "dr",  "dra", "drs", "h",    "hj",  "ir", "jl", "jln", "kab",
    "kec", "kel", "kh",  "ny",  "prof", "sdr", "st", "tn", "tsb", "yth",
};

static const char *const disclaimer_phrases[] = {
    "dibuat oleh kecerdasan buatan", "ringkasan buatan ai",
    "ringkasan dibuat oleh ai",      "ringkasan ini dibuat oleh ai",
    "ringkasan yang dibuat oleh ai", "ringkasan yang dihasilkan oleh ai",
};

static const sc_number_word number_words[] = {
    {"dua", 2},       {"tiga", 3},      {"empat", 4},    {"lima", 5},     {"enam", 6},
    {"tujuh", 7},     {"delapan", 8},   {"sembilan", 9}, {"sepuluh", 10}, {"sebelas", 11},
    {"seratus", 100}, {"seribu", 1000}, {"sejuta", 1e6},
};

static const sc_number_word scale_words[] = {
    {"ribu", 1e3},     {"juta", 1e6}, {"miliar", 1e9}, {"milyar", 1e9},
    {"triliun", 1e12}, {"puluh", 10}, {"ratus", 100},
};

static const char *const currency_words[] = {
    "idr", "rm", "rp", "sgd", "us", "usd",
};

static const char *const clause_words[] = {
    "dan",       "karena", "namun", "padahal", "sedangkan", "sehingga",
    "sementara", "serta",  "tapi",  "tetapi",  "yang",
};

static const char *const coordinators[] = {
    "dan", "namun", "sedangkan", "sementara", "serta", "tapi", "tetapi",
};

/* Indonesian marks the passive on the verb (passive_prefix "di"); "oleh"
 * names the agent.  No auxiliary stands before a passive verb. */
static const char *const agent_cues[] = {
    "oleh",
};

static const char *const partner_cues[] = {
    "bersama",
    "dengan",
};

static const char *const symmetric_verbs[] = {
    "bentrok", "berbatasan", "berbicara",  "berdamai",  "bergabung", "berhadapan",  "berjumpa",
    "bermain", "bersaing",   "bertanding", "bertarung", "bertemu",   "bertetangga", "berunding",
    "melawan", "menikah",    "menyerupai", "sebanding", "setara",    "vs",
};

static const char *const number_abbreviations[] = {
    "hlm",
    "no",
    "vol",
};

static const char *const list_abbreviations[] = {
    "dkk",
    "dll",
    "dsb",
    "dst",
};

static const char *const year_cues[] = {
    "akhir",  "antara",  "awal",  "hingga", "medio",   "pada",  "pertengahan",
    "sampai", "sebelum", "sejak", "selama", "setelah", "tahun",
};

static const sc_number_word time_units[] = {
    {"hari", 1},    {"pekan", 7},     {"minggu", 7},       {"bulan", 30},
    {"tahun", 365}, {"dekade", 3650}, {"dasawarsa", 3650},
};

static const char *const past_after[] = {
    "kemarin",
    "lalu",
    "sebelumnya",
    "silam",
};

static const char *const future_after[] = {
    "berikutnya",
    "depan",
    "mendatang",
    "nanti",
};

/* Negation cues (negation-flip).  "tidak pernah" (never) is one cue, so
 * "tidak pernah gagal" reads as a double negation.  "tidak lain", "tidak
 * hanya", "tidak sedikit" and "tidak jarang" affirm: they are exceptions.
 * "menolak" alone is a contrast ("menolak usulan" against "menerima
 * usulan"), a cue only before a verb with "untuk". */
static const char *const negation_cues[] = {
    "belum",  "belum pernah",  "bukan",        "bukanlah",   "enggan", "gagal",
    "jangan", "menolak untuk", "tak",          "tak pernah", "takkan", "tanpa",
    "tiada",  "tidak",         "tidak pernah", "tidaklah",
};

static const char *const negation_void_after[] = {
    "atau",
};

static const char *const negation_scope_ends[] = {
    "agar", "apakah", "bahwa", "jika", "kalau", "ketika", "supaya",
};

static const char *const negation_exceptions[] = {
    "cuma", "hanya", "jarang", "kurang", "lain", "saja", "sedikit", "sekadar",
};

/* Opposites and contrasts.  Words are roots and match every word with that
 * stem ("tolak": "menolak", "ditolak"); "=word" matches that form only,
 * where the stem is ambiguous ("meningkat" stems to "tingkat", a level;
 * "menentang" to "tentang", about; "setuju" to "tuju", aim; "meninggal" to
 * "tinggal", stay). */
static const sc_contrast_pair contrast_pairs[] = {
    {"naik|lonjak|=meningkat|=meningkatkan|=meningkatnya|=peningkatan|=bertambah",
     "turun|anjlok|merosot|=berkurang|=menyusut"},
    {"menang", "kalah"},
    {"=setuju|=menyetujui|=disetujui|=persetujuan|sepakat|=menyepakati|=disepakati",
     "tolak|=menentang|=ditentang|=membantah|=dibantah"},
    {"terima", "tolak"},
    /* Wanting a thing and refusing it cannot both be true of one subject:
     * "Rusia ingin ..." against "Rusia menolak ..." (the seed page). */
    {"ingin|mau|=berkeinginan", "tolak|enggan"},
    {"dukung", "tolak|=menentang|=ditentang"},
    {"buka", "tutup"},
    {"=mengizinkan|=diizinkan|=membolehkan|=diperbolehkan", "larang"},
    {"untung", "rugi"},
    {"tinggi", "rendah"},
    {"=besar|=terbesar", "=kecil|=terkecil"},
    {"hidup", "tewas|=meninggal|=mati"},
    {"utara", "selatan"},
    {"timur", "barat"},
};

const sc_lang sc_lang_id = {
    .code = "id",
    .name = "Indonesian",
    .group_separator = '.',
    .decimal_separator = ',',
    .stopwords = SC_WORD_LIST(stopwords),
    .abbreviations = SC_WORD_LIST(abbreviations),
    .number_abbreviations = SC_WORD_LIST(number_abbreviations),
    .list_abbreviations = SC_WORD_LIST(list_abbreviations),
    .disclaimer_phrases = SC_WORD_LIST(disclaimer_phrases),
    .months = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
               "september", "oktober", "november", "desember"},
    .months_abbr = {"jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov",
                    "des"},
    .number_words = number_words,
    .n_number_words = sizeof number_words / sizeof number_words[0],
    .scale_words = scale_words,
    .n_scale_words = sizeof scale_words / sizeof scale_words[0],
    .currency_words = SC_WORD_LIST(currency_words),
    .clause_words = SC_WORD_LIST(clause_words),
    .coordinators = SC_WORD_LIST(coordinators),
    .agent_cues = SC_WORD_LIST(agent_cues),
    .partner_cues = SC_WORD_LIST(partner_cues),
    .passive_prefix = "di",
    .symmetric_verbs = SC_WORD_LIST(symmetric_verbs),
    .is_common_word = is_common_id,
    .weekdays = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"},
    .weekdays_abbr = {"sen", "sel", "rab", "kam", "jum", "sab", "min"},
    .year_cues = SC_WORD_LIST(year_cues),
    .time_units = time_units,
    .n_time_units = sizeof time_units / sizeof time_units[0],
    .past_after = SC_WORD_LIST(past_after),
    .future_after = SC_WORD_LIST(future_after),
    .negation_cues = SC_WORD_LIST(negation_cues),
    .negation_exceptions = SC_WORD_LIST(negation_exceptions),
    .negation_void_after = SC_WORD_LIST(negation_void_after),
    .negation_scope_ends = SC_WORD_LIST(negation_scope_ends),
    .contrast_pairs = contrast_pairs,
    .n_contrast_pairs = sizeof contrast_pairs / sizeof contrast_pairs[0],
    .stem = stem_id_builtin,
};
