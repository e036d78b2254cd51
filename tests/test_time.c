/* Tests for temporal expressions (src/time/): which expressions a text
 * holds and the dates they resolve to against the page date, the year a
 * weekday-anchored day is given (leap days and the year boundary
 * included), the article's inferred date, and the date rules
 * (page-date-mismatch, weekday-mismatch, date-mismatch) firing and staying
 * quiet.  Everything goes through sc_check, as a JSON pair or a scraped
 * text page; the sentences are written for these tests. */
#include "harness.h"
#include "findings.h"
#include "core/doc.h"
#include "sumcheck.h"
#include "time/date.h"
#include "time/expr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* Reference dates used throughout: a Thursday in December 2021, and the
 * seed page's date (DESIGN.md). */
#define REF "2021-12-16"
#define SEED "2024-11-24"

/* Short names for the kinds in the tables. */
#define DAY SC_TIME_DATE
#define MONTH SC_TIME_MONTH
#define YEAR SC_TIME_YEAR
#define WDAY SC_TIME_WEEKDAY
#define REL SC_TIME_RELATIVE
#define ANY_KIND (-1)

/* ---- Helpers ------------------------------------------------------------------ */

/* Appends s to out as a JSON string (quotes included). */
static size_t json_string(char *out, size_t used, size_t cap, const char *s)
{
    ck_assert_uint_lt(used + 2, cap);
    out[used++] = '"';
    for (; *s != '\0'; s++) {
        ck_assert_uint_lt(used + 8, cap);
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[used++] = '\\';
            out[used++] = (char)c;
        } else if (c == '\n') {
            out[used++] = '\\';
            out[used++] = 'n';
        } else if (c < 0x20) {
            used += (size_t)snprintf(out + used, cap - used, "\\u%04x", c);
        } else {
            out[used++] = (char)c;
        }
    }
    out[used++] = '"';
    out[used] = '\0';
    return used;
}

/* A JSON pair; language and page_date may be NULL (left out). */
static char *pair_json(const char *language, const char *source, const char *summary,
                       const char *page_date)
{
    size_t cap = 2 * (strlen(source) + strlen(summary)) + 256;
    char *json = malloc(cap);
    ck_assert_ptr_nonnull(json);
    size_t used = (size_t)snprintf(json, cap, "{\"source\": ");
    used = json_string(json, used, cap, source);
    used += (size_t)snprintf(json + used, cap - used, ", \"summary\": ");
    used = json_string(json, used, cap, summary);
    if (page_date != NULL) {
        used += (size_t)snprintf(json + used, cap - used, ", \"page_date\": ");
        used = json_string(json, used, cap, page_date);
    }
    if (language != NULL) {
        used += (size_t)snprintf(json + used, cap - used, ", \"language\": ");
        used = json_string(json, used, cap, language);
    }
    ck_assert_uint_lt(used + 2, cap);
    json[used++] = '}';
    json[used] = '\0';
    return json;
}

static sc_result *check_input(const char *input, size_t len, sc_input_format format)
{
    sc_options options;
    sc_error error;
    sc_options_init(&options);
    options.input_format = format;
    sc_result *r = sc_check(input, len, "time", &options, &error);
    ck_assert_msg(r != NULL, "sc_check: %s at %s (byte %zu)", error.message, error.path,
                  error.byte);
    return r;
}

static sc_result *check_pair(const char *language, const char *source, const char *summary,
                             const char *page_date)
{
    char *json = pair_json(language, source, summary, page_date);
    sc_result *r = check_input(json, strlen(json), SC_INPUT_JSON);
    free(json);
    return r;
}

static sc_result *check_page(const char *page)
{
    return check_input(page, strlen(page), SC_INPUT_TEXT);
}

static const char *const kind_names[] = {"date", "month", "year", "weekday", "relative"};

/* The expressions of a text, for failure messages. */
static void list_times(const sc_analysis *a, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < a->n_times && used < cap; i++) {
        const sc_time_expr *e = &a->times[i];
        char first[11] = "-", last[11] = "-";
        if (e->resolved) {
            sc_date_format(e->date, first);
            sc_date_format(e->date_last, last);
        }
        int k = snprintf(out + used, cap - used, " [\"%.*s\" %s %s..%s]", (int)(e->end - e->start),
                         a->text->data + e->start,
                         (unsigned)e->kind < 5 ? kind_names[e->kind] : "?", first, last);
        if (k > 0)
            used += (size_t)k;
    }
    if (used == 0)
        snprintf(out, cap, " (none)");
}

/* The expression of a whose text is exactly text; NULL when none. */
static const sc_time_expr *find_time(const sc_analysis *a, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < a->n_times; i++) {
        const sc_time_expr *e = &a->times[i];
        if (e->end - e->start == len && memcmp(a->text->data + e->start, text, len) == 0)
            return e;
    }
    return NULL;
}

static const sc_evidence *evidence(const sc_finding *f, const char *key)
{
    for (const sc_evidence *e = f->evidence; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static void assert_ev_string(const sc_finding *f, const char *key, const char *want)
{
    const sc_evidence *e = evidence(f, key);
    ck_assert_msg(e != NULL, "no evidence \"%s\"", key);
    ck_assert_int_eq(e->type, SC_EV_STRING);
    ck_assert_msg(strcmp(e->string, want) == 0, "%s = \"%s\", want \"%s\"", key, e->string, want);
}

static void assert_ev_integer(const sc_finding *f, const char *key, long long want)
{
    const sc_evidence *e = evidence(f, key);
    ck_assert_msg(e != NULL, "no evidence \"%s\"", key);
    ck_assert_msg(e->type == SC_EV_INTEGER || e->type == SC_EV_BOOL, "%s: type %d", key, e->type);
    ck_assert_msg(e->integer == want, "%s = %lld, want %lld", key, e->integer, want);
}

static bool ev_has_number(const sc_finding *f, const char *key, double want)
{
    const sc_evidence *e = evidence(f, key);
    ck_assert_msg(e != NULL, "no evidence \"%s\"", key);
    ck_assert_int_eq(e->type, SC_EV_NUMBERS);
    for (size_t i = 0; i < e->n_items; i++)
        if (e->numbers[i] == want)
            return true;
    return false;
}

static void assert_date(sc_date got, const char *want, const char *what)
{
    char text[11];
    sc_date_format(got, text);
    ck_assert_msg(strcmp(text, want) == 0, "%s: %s, want %s", what, text, want);
}

/* ---- Expressions and their resolved dates ----------------------------------------- */

typedef struct expr_case {
    const char *lang;  /* the pair's language */
    const char *text;  /* a sentence holding the expression */
    const char *ref;   /* the page date, or NULL */
    const char *expr;  /* the expression's exact text */
    sc_time_kind kind; /* what it states */
    const char *first; /* the first day it can mean; NULL: unresolved */
    const char *last;  /* the last day; NULL: the same as first */
} expr_case;

static const expr_case expr_cases[] = {
    /* ---- Indonesian: full dates ---- */
    {"id", "Rapat kabinet digelar pada 15 Desember 2021 di Istana.", REF, "15 Desember 2021", DAY,
     "2021-12-15", NULL},
    {"id", "Rapat kabinet digelar pada 15 Desember 2021 di Istana.", NULL, "15 Desember 2021", DAY,
     "2021-12-15", NULL},
    {"id", "Presiden tiba di Bali pada Selasa, 14 Desember 2021 pagi.", NULL,
     "Selasa, 14 Desember 2021", DAY, "2021-12-14", NULL},
    {"id", "Ia ditangkap pada Rabu, 1 Desember 2021 di rumahnya.", NULL, "Rabu, 1 Desember 2021",
     DAY, "2021-12-01", NULL},
    {"id", "Kebakaran terjadi pada Senin, 27 Februari 2023 malam.", NULL, "Senin, 27 Februari 2023",
     DAY, "2023-02-27", NULL},
    {"id", "Proklamasi dibacakan pada 17 Agustus 1945 di Jakarta.", NULL, "17 Agustus 1945", DAY,
     "1945-08-17", NULL},
    {"id", "Tsunami melanda Aceh pada 26 Desember 2004.", NULL, "26 Desember 2004", DAY,
     "2004-12-26", NULL},
    {"id", "Banjir melanda pada 1 Januari 2020 di Jakarta.", NULL, "1 Januari 2020", DAY,
     "2020-01-01", NULL},
    {"id", "Harga gula naik pada 14 Februari 2022 di pasar.", NULL, "14 Februari 2022", DAY,
     "2022-02-14", NULL},
    {"id", "Kebijakan itu berlaku 1 Maret 2022 di semua bank.", NULL, "1 Maret 2022", DAY,
     "2022-03-01", NULL},
    {"id", "Pasar itu dibuka 21 April 2021 oleh wali kota.", NULL, "21 April 2021", DAY,
     "2021-04-21", NULL},
    {"id", "Buruh berunjuk rasa pada 1 Mei 2022 di Jakarta.", NULL, "1 Mei 2022", DAY, "2022-05-01",
     NULL},
    {"id", "Jalan tol baru itu beroperasi 30 Juni 2021.", NULL, "30 Juni 2021", DAY, "2021-06-30",
     NULL},
    {"id", "Lomba digelar pada 17 Juli 2022 di alun-alun.", NULL, "17 Juli 2022", DAY, "2022-07-17",
     NULL},
    {"id", "Upacara digelar 5 Agustus 2022 di Balai Kota.", NULL, "5 Agustus 2022", DAY,
     "2022-08-05", NULL},
    {"id", "Sidang dimulai 9 September 2021 di Surabaya.", NULL, "9 September 2021", DAY,
     "2021-09-09", NULL},
    {"id", "Gempa terjadi pada 28 Oktober 2021 dini hari.", NULL, "28 Oktober 2021", DAY,
     "2021-10-28", NULL},
    {"id", "Pemilihan kepala desa digelar pada 14 November 2021.", NULL, "14 November 2021", DAY,
     "2021-11-14", NULL},
    {"id", "Kontrak itu diteken 12 Okt 2021 di Jakarta.", NULL, "12 Okt 2021", DAY, "2021-10-12",
     NULL},
    {"id", "Rapat digelar 3 Agu 2022 di Bogor.", NULL, "3 Agu 2022", DAY, "2022-08-03", NULL},
    {"id", "Surat itu dikirim 9 Des 2021 ke kantor pusat.", NULL, "9 Des 2021", DAY, "2021-12-09",
     NULL},
    {"id", "Acara itu digelar 18 Mar 2022 di Bandung.", NULL, "18 Mar 2022", DAY, "2022-03-18",
     NULL},
    /* Variants Indonesian news really writes. */
    {"id", "Ia lahir pada 10 Nopember 1990 di Surabaya.", NULL, "10 Nopember 1990", DAY,
     "1990-11-10", NULL},
    {"id", "Ia lahir pada 3 Pebruari 1985 di Medan.", NULL, "3 Pebruari 1985", DAY, "1985-02-03",
     NULL},
    /* An English date in an Indonesian text (the seed's page date is one). */
    {"id", "Laporan itu terbit pada December 15, 2021 di situs resmi.", NULL, "December 15, 2021",
     DAY, "2021-12-15", NULL},

    /* ---- Indonesian: numeric dates (d/M/y) ---- */
    {"id", "Surat itu bertanggal 15/12/2021 menurut arsip daerah.", NULL, "15/12/2021", DAY,
     "2021-12-15", NULL},
    {"id", "Surat edaran itu bertanggal 05/12/2021 menurut arsip.", NULL, "05/12/2021", DAY,
     "2021-12-05", NULL},
    {"id", "Tanggal 31/12/2021 menjadi batas akhir pelaporan.", NULL, "31/12/2021", DAY,
     "2021-12-31", NULL},
    {"id", "Gempa susulan terjadi pada 4/5/2020 sore.", NULL, "4/5/2020", DAY, "2020-05-04", NULL},
    {"id", "Tenggat pendaftaran pada 1/2/22 diperpanjang panitia.", NULL, "1/2/22", DAY,
     "2022-02-01", NULL},
    {"id", "Data itu diperbarui pada 2021-12-15 oleh dinas kesehatan.", NULL, "2021-12-15", DAY,
     "2021-12-15", NULL},
    {"id", "Laporan itu terbit 15.12.2021 di situs resmi kementerian.", NULL, "15.12.2021", DAY,
     "2021-12-15", NULL},
    {"id", "Gempa mengguncang Lombok pada Senin (4/5/2020) pagi.", NULL, "Senin (4/5/2020)", DAY,
     "2020-05-04", NULL},
    {"id", "Ujian digelar Kamis (16/12/2021) di sekolah itu.", NULL, "Kamis (16/12/2021)", DAY,
     "2021-12-16", NULL},
    {"id", "Kurs rupiah pada Jumat (17/12/2021) melemah tipis.", NULL, "Jumat (17/12/2021)", DAY,
     "2021-12-17", NULL},
    {"id", "Kompas.com - 02/11/2023, 21:34 WIB - Harga beras kembali naik.", NULL, "02/11/2023",
     DAY, "2023-11-02", NULL},
    /* Two parts only after a weekday. */
    {"id", "Rapat pleno digelar Rabu (15/12) sore di gedung DPRD.", REF, "Rabu (15/12)", DAY,
     "2021-12-15", NULL},
    {"id", "Ia dilantik pada Senin (13/12) di Istana Negara.", REF, "Senin (13/12)", DAY,
     "2021-12-13", NULL},
    {"id", "Rapat pleno digelar Rabu (15/12) sore di gedung DPRD.", NULL, "Rabu (15/12)", DAY, NULL,
     NULL},

    /* ---- Indonesian: weekday + day + month, no year ---- */
    {"id", "Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.", REF, "Rabu, 15 Desember",
     DAY, "2021-12-15", NULL},
    {"id", "Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.", SEED, "Rabu, 15 Desember",
     DAY, "2021-12-15", NULL},
    {"id", "Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.", NULL, "Rabu, 15 Desember",
     DAY, NULL, NULL},
    {"id", "Salat digelar Jum'at, 17 Desember di masjid raya.", REF, "Jum'at, 17 Desember", DAY,
     "2021-12-17", NULL},
    {"id", "Kerja bakti digelar Ahad, 19 Desember di lapangan.", REF, "Ahad, 19 Desember", DAY,
     "2021-12-19", NULL},
    {"id", "Gedung baru itu diresmikan pada Sabtu, 11 Desember.", REF, "Sabtu, 11 Desember", DAY,
     "2021-12-11", NULL},
    {"id", "Banjir mulai surut pada Minggu, 12 Desember.", REF, "Minggu, 12 Desember", DAY,
     "2021-12-12", NULL},
    {"id", "Ia dilantik pada Senin, 13 Desember di Jakarta.", REF, "Senin, 13 Desember", DAY,
     "2021-12-13", NULL},

    /* ---- Indonesian: day + month, no weekday: the placement nearest the
     * page date ---- */
    {"id", "Sekolah libur mulai 20 Desember hingga 2 Januari.", REF, "20 Desember", DAY,
     "2021-12-20", NULL},
    {"id", "Sekolah libur mulai 20 Desember hingga 2 Januari.", REF, "2 Januari", DAY, "2022-01-02",
     NULL},
    {"id", "Batas pembayaran pajak adalah 31 Januari.", REF, "31 Januari", DAY, "2022-01-31", NULL},
    {"id", "Festival itu digelar 10 Oktober di Solo.", REF, "10 Oktober", DAY, "2021-10-10", NULL},
    {"id", "Festival itu digelar 10 Oktober di Solo.", NULL, "10 Oktober", DAY, NULL, NULL},

    /* ---- Indonesian: month + year, year in context ---- */
    {"id", "Inflasi tercatat naik pada Desember 2021 menurut BPS.", NULL, "Desember 2021", MONTH,
     "2021-12-01", "2021-12-31"},
    {"id", "Kenaikan harga terjadi sejak Maret 2020 di banyak kota.", NULL, "Maret 2020", MONTH,
     "2020-03-01", "2020-03-31"},
    {"id", "Penjualan mobil naik tajam pada Februari 2024.", NULL, "Februari 2024", MONTH,
     "2024-02-01", "2024-02-29"},
    {"id", "Penjualan mobil turun pada Februari 2023.", NULL, "Februari 2023", MONTH, "2023-02-01",
     "2023-02-28"},
    {"id", "Ekspor kopi melonjak pada Nopember 2019.", NULL, "Nopember 2019", MONTH, "2019-11-01",
     "2019-11-30"},
    {"id", "Ia lulus dari universitas itu pada tahun 2014.", NULL, "2014", YEAR, "2014-01-01",
     "2014-12-31"},
    {"id", "Ia lulus dari universitas itu pada tahun 2014.", REF, "2014", YEAR, "2014-01-01",
     "2014-12-31"},
    {"id", "Jembatan itu ditutup sejak 1998 oleh pemerintah daerah.", NULL, "1998", YEAR,
     "1998-01-01", "1998-12-31"},
    {"id", "Perusahaan itu berdiri pada 1975 di Bandung.", NULL, "1975", YEAR, "1975-01-01",
     "1975-12-31"},
    {"id", "Ia menjabat hingga 2019 sebelum pensiun.", NULL, "2019", YEAR, "2019-01-01",
     "2019-12-31"},
    {"id", "Program itu berjalan selama 2020 di tiga provinsi.", NULL, "2020", YEAR, "2020-01-01",
     "2020-12-31"},

    /* ---- Indonesian: a bare weekday ---- */
    {"id", "Pertemuan itu digelar pada hari Rabu di Jakarta.", REF, "Rabu", WDAY, "2021-12-15",
     NULL},
    {"id", "Pertemuan itu digelar pada hari Rabu di Jakarta.", NULL, "Rabu", WDAY, NULL, NULL},
    {"id", "Kantor itu tutup pada hari Minggu.", REF, "Minggu", WDAY, "2021-12-12", NULL},
    {"id", "Pasar itu dibuka kembali pada hari Senin.", REF, "Senin", WDAY, "2021-12-13", NULL},
    {"id", "Sidang digelar pada hari Kamis di Jakarta.", REF, "Kamis", WDAY, "2021-12-16", NULL},
    {"id", "Menteri tiba di Medan Rabu lalu untuk meninjau banjir.", REF, "Rabu lalu", WDAY,
     "2021-12-15", NULL},
    {"id", "Ia berangkat Selasa lalu ke Makassar.", REF, "Selasa lalu", WDAY, "2021-12-14", NULL},
    {"id", "Ia tiba Kamis lalu di Jakarta.", REF, "Kamis lalu", WDAY, "2021-12-09", NULL},
    {"id", "Sidang lanjutan digelar Jumat depan di pengadilan.", REF, "Jumat depan", WDAY,
     "2021-12-17", NULL},
    {"id", "Rapat digelar Senin depan di kantor gubernur.", REF, "Senin depan", WDAY, "2021-12-20",
     NULL},
    {"id", "Hasilnya diumumkan Kamis depan di Jakarta.", REF, "Kamis depan", WDAY, "2021-12-23",
     NULL},

    /* ---- Indonesian: relative ---- */
    {"id", "Polisi menangkap pelaku kemarin di Bekasi.", REF, "kemarin", REL, "2021-12-15", NULL},
    {"id", "Polisi menangkap pelaku kemarin di Bekasi.", NULL, "kemarin", REL, NULL, NULL},
    {"id", "Harga cabai naik hari ini di pasar induk.", REF, "hari ini", REL, "2021-12-16", NULL},
    {"id", "Presiden akan berkunjung besok ke Surabaya.", REF, "besok", REL, "2021-12-17", NULL},
    {"id", "Ia tiba di kota itu tiga hari lalu bersama keluarganya.", REF, "tiga hari lalu", REL,
     "2021-12-13", NULL},
    {"id", "Ia tiba di Bandung dua hari lalu.", REF, "dua hari lalu", REL, "2021-12-14", NULL},
    {"id", "Korban ditemukan 5 hari lalu di sungai.", REF, "5 hari lalu", REL, "2021-12-11", NULL},
    /* A week back is the seven days before the reference. */
    {"id", "Harga beras naik pekan lalu di banyak daerah.", REF, "pekan lalu", REL, "2021-12-09",
     "2021-12-15"},
    {"id", "Harga minyak turun dua minggu lalu menurut data.", REF, "dua minggu lalu", REL,
     "2021-12-02", "2021-12-08"},
    {"id", "Gudang itu terbakar dua pekan lalu.", REF, "dua pekan lalu", REL, "2021-12-02",
     "2021-12-08"},
    /* Months and years are calendar units: "tahun depan" said in December
     * 2021 is 2022, "bulan lalu" is November. */
    {"id", "Pemilihan umum digelar tahun depan di seluruh provinsi.", REF, "tahun depan", REL,
     "2022-01-01", "2022-12-31"},
    {"id", "Harga pangan naik tahun lalu menurut data.", REF, "tahun lalu", REL, "2020-01-01",
     "2020-12-31"},
    {"id", "Harga emas naik bulan lalu menurut data.", REF, "bulan lalu", REL, "2021-11-01",
     "2021-11-30"},
    {"id", "Proyek itu selesai bulan depan menurut kontraktor.", REF, "bulan depan", REL,
     "2022-01-01", "2022-01-31"},
    {"id", "Ia meninggalkan desa itu tiga tahun yang lalu.", REF, "tiga tahun yang lalu", REL,
     "2018-01-01", "2018-12-31"},
    {"id", "Ia pindah ke Bogor lima tahun lalu.", REF, "lima tahun lalu", REL, "2016-01-01",
     "2016-12-31"},

    /* ---- English: full dates ---- */
    {"en", "The deal was signed on Dec. 15, 2021 in Manila.", NULL, "Dec. 15, 2021", DAY,
     "2021-12-15", NULL},
    {"en", "The deal was signed on Dec 15, 2021 in Manila.", NULL, "Dec 15, 2021", DAY,
     "2021-12-15", NULL},
    {"en", "The deal was signed on December 15, 2021, officials said.", NULL, "December 15, 2021",
     DAY, "2021-12-15", NULL},
    {"en", "The deal was signed on December 15, 2021, officials said.", REF, "December 15, 2021",
     DAY, "2021-12-15", NULL},
    {"en", "The ceremony took place on 15 December 2021 in London.", NULL, "15 December 2021", DAY,
     "2021-12-15", NULL},
    {"en", "The fair opens Wed, Dec 15, 2021 at the hall.", NULL, "Wed, Dec 15, 2021", DAY,
     "2021-12-15", NULL},
    {"en", "The strike began Monday, Nov. 29, 2021 in Lyon.", NULL, "Monday, Nov. 29, 2021", DAY,
     "2021-11-29", NULL},
    {"en", "The law took effect on January 1, 2022 nationwide.", NULL, "January 1, 2022", DAY,
     "2022-01-01", NULL},
    {"en", "He was born on December 15th, 1990 in Cebu.", NULL, "December 15th, 1990", DAY,
     "1990-12-15", NULL},
    {"en", "The leap day fell on February 29, 2024 this time.", NULL, "February 29, 2024", DAY,
     "2024-02-29", NULL},
    {"en", "The attack happened on Tuesday, September 11, 2001 in New York.", NULL,
     "Tuesday, September 11, 2001", DAY, "2001-09-11", NULL},
    {"en", "The bill was filed on Jan. 5, 2022 in the Senate.", NULL, "Jan. 5, 2022", DAY,
     "2022-01-05", NULL},
    {"en", "Prices jumped on Feb 7, 2022 after the storm.", NULL, "Feb 7, 2022", DAY, "2022-02-07",
     NULL},
    {"en", "The project began on April 4, 2022 in Davao.", NULL, "April 4, 2022", DAY, "2022-04-04",
     NULL},
    {"en", "The summit ended on May 20, 2022 in Tokyo.", NULL, "May 20, 2022", DAY, "2022-05-20",
     NULL},
    {"en", "The plant opened on June 30, 2021 in Batangas.", NULL, "June 30, 2021", DAY,
     "2021-06-30", NULL},
    {"en", "The rally was held on July 4, 2021 in Boston.", NULL, "July 4, 2021", DAY, "2021-07-04",
     NULL},
    {"en", "The typhoon struck on Aug. 17, 2021 at night.", NULL, "Aug. 17, 2021", DAY,
     "2021-08-17", NULL},
    {"en", "The trial opened on Sept. 9, 2021 in Manila.", NULL, "Sept. 9, 2021", DAY, "2021-09-09",
     NULL},
    {"en", "Results came out on Oct 10, 2021 online.", NULL, "Oct 10, 2021", DAY, "2021-10-10",
     NULL},
    {"en", "The ship docked on 3 Nov 2021 in Cebu.", NULL, "3 Nov 2021", DAY, "2021-11-03", NULL},

    /* ---- English: numeric dates (M/d/y for en-US) ---- */
    {"en", "The report was dated 12/15/2021 by the agency.", NULL, "12/15/2021", DAY, "2021-12-15",
     NULL},
    {"en", "The notice was dated 12/05/2021 by the clerk.", NULL, "12/05/2021", DAY, "2021-12-05",
     NULL},
    {"en", "The memo was dated 1/2/2022 by the mayor.", NULL, "1/2/2022", DAY, "2022-01-02", NULL},
    {"en", "The filing deadline was 02/29/2024 for most firms.", NULL, "02/29/2024", DAY,
     "2024-02-29", NULL},
    {"en", "The file was updated on 2021-12-15 by staff.", NULL, "2021-12-15", DAY, "2021-12-15",
     NULL},
    {"en", "Prices rose on Wednesday (12/15) in the city.", REF, "Wednesday (12/15)", DAY,
     "2021-12-15", NULL},
    /* en-GB writes d/M/y. */
    {"en-GB", "The council notice was dated 05/12/2021 in Leeds.", NULL, "05/12/2021", DAY,
     "2021-12-05", NULL},
    {"en-GB", "The match was played on Wednesday 15 December in Leeds.", REF,
     "Wednesday 15 December", DAY, "2021-12-15", NULL},

    /* ---- English: weekday + month + day, no year ---- */
    {"en", "Russia sent a proposal on Wednesday, December 15, the Kremlin said.", REF,
     "Wednesday, December 15", DAY, "2021-12-15", NULL},
    {"en", "Russia sent a proposal on Wednesday, December 15, the Kremlin said.", SEED,
     "Wednesday, December 15", DAY, "2021-12-15", NULL},
    {"en", "Russia sent a proposal on Wednesday, December 15, the Kremlin said.", NULL,
     "Wednesday, December 15", DAY, NULL, NULL},
    {"en", "Voting ended on Tuesday, Dec 14 in Cebu.", REF, "Tuesday, Dec 14", DAY, "2021-12-14",
     NULL},
    {"en", "The storm hit on Sunday, December 12 at dawn.", REF, "Sunday, December 12", DAY,
     "2021-12-12", NULL},
    /* A coming day that fits its weekday resolves after the page date. */
    {"en", "Classes resume on Monday, January 3, the school said.", REF, "Monday, January 3", DAY,
     "2022-01-03", NULL},
    {"en", "The ceremony is on the 15th of December in London.", REF, "15th of December", DAY,
     "2021-12-15", NULL},

    /* ---- English: month + year, year in context ---- */
    {"en", "Inflation slowed in December 2021, data showed.", NULL, "December 2021", MONTH,
     "2021-12-01", "2021-12-31"},
    {"en", "Sales peaked in March 2020 before the lockdown.", NULL, "March 2020", MONTH,
     "2020-03-01", "2020-03-31"},
    {"en", "Exports grew in Aug. 2021, the bureau said.", NULL, "Aug. 2021", MONTH, "2021-08-01",
     "2021-08-31"},
    {"en", "Profits fell in February 2024 at most banks.", NULL, "February 2024", MONTH,
     "2024-02-01", "2024-02-29"},
    {"en", "The firm was founded in 1991 by two engineers.", NULL, "1991", YEAR, "1991-01-01",
     "1991-12-31"},
    {"en", "The bridge has been closed since 2019 for repairs.", NULL, "2019", YEAR, "2019-01-01",
     "2019-12-31"},
    {"en", "The company posted a loss during 2020, it said.", NULL, "2020", YEAR, "2020-01-01",
     "2020-12-31"},
    {"en", "Prices doubled between 2010 and 2015 in the city.", NULL, "2010", YEAR, "2010-01-01",
     "2010-12-31"},

    /* ---- English: a bare weekday ---- */
    {"en", "The vote was held on Wednesday in Manila.", REF, "Wednesday", WDAY, "2021-12-15", NULL},
    {"en", "The vote was held on Wednesday in Manila.", NULL, "Wednesday", WDAY, NULL, NULL},
    {"en", "Officials met on Thursday to discuss the plan.", REF, "Thursday", WDAY, "2021-12-16",
     NULL},
    {"en", "The shop closed on Saturday for repairs.", REF, "Saturday", WDAY, "2021-12-11", NULL},
    {"en", "She arrived last Wednesday, police said.", REF, "last Wednesday", WDAY, "2021-12-15",
     NULL},
    {"en", "The minister spoke last Thursday, aides said.", REF, "last Thursday", WDAY,
     "2021-12-09", NULL},
    {"en", "The court will rule next Friday, lawyers said.", REF, "next Friday", WDAY, "2021-12-17",
     NULL},
    {"en", "Results come out next Thursday, the board said.", REF, "next Thursday", WDAY,
     "2021-12-23", NULL},
    {"en", "The fair closes this coming Monday, organisers said.", REF, "coming Monday", WDAY,
     "2021-12-20", NULL},

    /* ---- English: relative ---- */
    {"en", "He left the country yesterday, aides said.", REF, "yesterday", REL, "2021-12-15", NULL},
    {"en", "He left the country yesterday, aides said.", NULL, "yesterday", REL, NULL, NULL},
    {"en", "Prices rose today, traders said.", REF, "today", REL, "2021-12-16", NULL},
    {"en", "The mayor will speak tomorrow at noon.", REF, "tomorrow", REL, "2021-12-17", NULL},
    {"en", "He resigned three days ago, aides said.", REF, "three days ago", REL, "2021-12-13",
     NULL},
    {"en", "The bodies were found 10 days ago near the river.", REF, "10 days ago", REL,
     "2021-12-06", NULL},
    {"en", "He resigned two weeks ago, aides said.", REF, "two weeks ago", REL, "2021-12-02",
     "2021-12-08"},
    {"en", "Rain fell last week across the north.", REF, "last week", REL, "2021-12-09",
     "2021-12-15"},
    /* The seven days after the reference, as "last week" is the seven
     * before it. */
    {"en", "Talks resume next week in Geneva.", REF, "next week", REL, "2021-12-17", "2021-12-23"},
    {"en", "Sales fell last year, the firm said.", REF, "last year", REL, "2020-01-01",
     "2020-12-31"},
    {"en", "Sales fell last month, the firm said.", REF, "last month", REL, "2021-11-01",
     "2021-11-30"},
    {"en", "Elections will be held next year, the commission said.", REF, "next year", REL,
     "2022-01-01", "2022-12-31"},
    {"en", "The plant closed five years ago, workers said.", REF, "five years ago", REL,
     "2016-01-01", "2016-12-31"},

    /* ---- Malay ---- */
    {"ms", "Mesyuarat itu diadakan pada 15 Disember 2021 di Kuala Lumpur.", NULL,
     "15 Disember 2021", DAY, "2021-12-15", NULL},
    {"ms", "Mesyuarat itu diadakan pada hari Rabu, 15 Disember di Putrajaya.", REF,
     "Rabu, 15 Disember", DAY, "2021-12-15", NULL},
    {"ms", "Laporan itu diterbitkan pada 3 Ogos 2022 oleh kementerian.", NULL, "3 Ogos 2022", DAY,
     "2022-08-03", NULL},
    {"ms", "Pilihan raya diadakan pada Sabtu, 19 November 2022.", NULL, "Sabtu, 19 November 2022",
     DAY, "2022-11-19", NULL},

    /* ---- Filipino (Filipino news also writes English months; M/d/y) ---- */
    {"fil", "Nagpulong ang konseho noong Disyembre 15, 2021 sa Maynila.", NULL,
     "Disyembre 15, 2021", DAY, "2021-12-15", NULL},
    {"fil", "Nagpulong ang konseho noong Miyerkules, Disyembre 15 sa Maynila.", REF,
     "Miyerkules, Disyembre 15", DAY, "2021-12-15", NULL},
    {"fil", "Nagpulong ang konseho noong December 15, 2021 sa Maynila.", NULL, "December 15, 2021",
     DAY, "2021-12-15", NULL},
    {"fil", "Dumating ang bagyo noong Lunes, December 13 sa Samar.", REF, "Lunes, December 13", DAY,
     "2021-12-13", NULL},
    {"fil", "Ang ulat ay may petsang 12/05/2021 ayon sa ahensya.", NULL, "12/05/2021", DAY,
     "2021-12-05", NULL},

    /* ---- Spanish ---- */
    {"es", "La reunión se celebró el 15 de diciembre de 2021 en Madrid.", NULL,
     "15 de diciembre de 2021", DAY, "2021-12-15", NULL},
    {"es", "La reunión se celebró el miércoles 15 de diciembre en Madrid.", REF,
     "miércoles 15 de diciembre", DAY, "2021-12-15", NULL},
    {"es", "El acuerdo se firmó el 3 de agosto de 2022 en Lima.", NULL, "3 de agosto de 2022", DAY,
     "2022-08-03", NULL},
    {"es", "El informe se publicó el 05/12/2021 en Bogotá.", NULL, "05/12/2021", DAY, "2021-12-05",
     NULL},
    {"es", "La inflación subió en diciembre de 2021 en el país.", NULL, "diciembre de 2021", MONTH,
     "2021-12-01", "2021-12-31"},

    /* ---- French ---- */
    {"fr", "La réunion a eu lieu le 15 décembre 2021 à Paris.", NULL, "15 décembre 2021", DAY,
     "2021-12-15", NULL},
    {"fr", "La réunion a eu lieu le mercredi 15 décembre à Paris.", REF, "mercredi 15 décembre",
     DAY, "2021-12-15", NULL},
    {"fr", "Le vote a eu lieu le 3 août 2022 à Lyon.", NULL, "3 août 2022", DAY, "2022-08-03",
     NULL},
    {"fr", "Le décret a été publié le 1er mars 2022 au Journal officiel.", NULL, "1er mars 2022",
     DAY, "2022-03-01", NULL},
    {"fr", "L'inflation a augmenté en décembre 2021 en France.", NULL, "décembre 2021", MONTH,
     "2021-12-01", "2021-12-31"},

    /* ---- German ---- */
    {"de", "Das Treffen fand am 15. Dezember 2021 in Berlin statt.", NULL, "15. Dezember 2021", DAY,
     "2021-12-15", NULL},
    {"de", "Das Treffen fand am Mittwoch, 15. Dezember in Berlin statt.", REF,
     "Mittwoch, 15. Dezember", DAY, "2021-12-15", NULL},
    {"de", "Die Wahl fand am 3. März 2022 in Bayern statt.", NULL, "3. März 2022", DAY,
     "2022-03-03", NULL},
    {"de", "Der Bericht erschien am 15.12.2021 online.", NULL, "15.12.2021", DAY, "2021-12-15",
     NULL},
    {"de", "Die Inflation stieg im Dezember 2021 deutlich.", NULL, "Dezember 2021", MONTH,
     "2021-12-01", "2021-12-31"},

    /* ---- Portuguese ---- */
    {"pt", "A reunião aconteceu em 15 de dezembro de 2021 em Brasília.", NULL,
     "15 de dezembro de 2021", DAY, "2021-12-15", NULL},
    {"pt", "A reunião aconteceu na quarta-feira, 15 de dezembro, em Brasília.", REF,
     "quarta-feira, 15 de dezembro", DAY, "2021-12-15", NULL},
    {"pt", "O contrato foi assinado em 3 de agosto de 2022 em Recife.", NULL, "3 de agosto de 2022",
     DAY, "2022-08-03", NULL},
    {"pt-PT", "O relatório saiu a 15 de dezembro de 2021 no Porto.", NULL, "15 de dezembro de 2021",
     DAY, "2021-12-15", NULL},

    /* ---- Dutch ---- */
    {"nl", "De vergadering vond plaats op 15 december 2021 in Amsterdam.", NULL, "15 december 2021",
     DAY, "2021-12-15", NULL},
    {"nl", "De vergadering vond plaats op woensdag 15 december in Utrecht.", REF,
     "woensdag 15 december", DAY, "2021-12-15", NULL},
    {"nl", "Het rapport verscheen op 3 maart 2022 in Den Haag.", NULL, "3 maart 2022", DAY,
     "2022-03-03", NULL},

    /* ---- Italian ---- */
    {"it", "La riunione si è svolta il 15 dicembre 2021 a Roma.", NULL, "15 dicembre 2021", DAY,
     "2021-12-15", NULL},
    {"it", "La riunione si è svolta mercoledì 15 dicembre a Roma.", REF, "mercoledì 15 dicembre",
     DAY, "2021-12-15", NULL},
    {"it", "Il decreto è stato firmato il 3 agosto 2022 a Milano.", NULL, "3 agosto 2022", DAY,
     "2022-08-03", NULL},
};

START_TEST(test_expression)
{
    const expr_case *c = &expr_cases[_i];
    sc_result *r = check_pair(c->lang, c->text, "", c->ref);
    char found[2048];
    list_times(&r->article, found, sizeof found);
    const sc_time_expr *e = find_time(&r->article, c->expr);
    ck_assert_msg(e != NULL, "[%s] \"%s\": no expression \"%s\"; found:%s", c->lang, c->text,
                  c->expr, found);
    ck_assert_msg(e->kind == c->kind, "[%s] \"%s\": kind %s, want %s", c->lang, c->expr,
                  kind_names[e->kind], kind_names[c->kind]);
    /* Its tokens are marked as part of a date. */
    for (size_t k = e->tok_begin; k < e->tok_end; k++)
        ck_assert(r->article.tokens[k].flags & SC_TOKF_DATE);
    if (c->first == NULL) {
        ck_assert_msg(!e->resolved, "[%s] \"%s\" (page date %s): resolved, want unresolved; %s",
                      c->lang, c->expr, c->ref ? c->ref : "none", found);
    } else {
        char what[256];
        snprintf(what, sizeof what, "[%s] \"%s\" (page date %s)", c->lang, c->expr,
                 c->ref ? c->ref : "none");
        ck_assert_msg(e->resolved, "%s: unresolved", what);
        assert_date(e->date, c->first, what);
        assert_date(e->date_last, c->last != NULL ? c->last : c->first, what);
    }
    sc_result_free(r);
}
END_TEST

/* ---- Words that are not dates ------------------------------------------------------ */

typedef struct absent_case {
    const char *lang;
    const char *text;
    const char *word; /* no expression (of kind) may overlap its first occurrence */
    int kind;         /* an sc_time_kind, or ANY_KIND */
} absent_case;

static const absent_case absent_cases[] = {
    {"en", "Prices may rise again, the central bank said.", "may", ANY_KIND},
    {"en", "The Sun reported the story first, its editor said.", "Sun", ANY_KIND},
    /* Found by fuzz_jsonl: a dotted run of digits overflowed the date parts. */
    {"id", "Kode 1111111111.5.2021 tidak sah.", "1111111111.5.2021", ANY_KIND},
    {"en", "The Sun said 12 people were hurt in the blast.", "Sun said 12", ANY_KIND},
    {"en", "The Sun reported on December 15 that the mine had closed.", "Sun", ANY_KIND},
    {"en", "They march to the palace every year.", "march", ANY_KIND},
    {"en", "Every year they march 10 kilometres to the shrine.", "march 10", ANY_KIND},
    {"en", "He read the March issue of the magazine.", "March", ANY_KIND},
    {"en", "Team A beat Team B 2-1 on aggregate.", "2-1", ANY_KIND},
    {"id", "Persib menang 2-1 atas Persija di Bandung.", "2-1", ANY_KIND},
    {"en", "Only 1/2 of the budget was spent.", "1/2", ANY_KIND},
    {"id", "Hanya 1/2 anggaran yang sudah terpakai.", "1/2", ANY_KIND},
    {"en", "She answered 12/15 questions correctly.", "12/15", ANY_KIND},
    {"en", "The plan covers 2020-2021 and beyond.", "2020-2021", ANY_KIND},
    {"id", "Rencana itu mencakup periode 2020-2021 saja.", "2020-2021", ANY_KIND},
    {"en", "About 15,000 people attended the rally.", "15,000", ANY_KIND},
    {"en", "In May 15,000 people joined the protest.", "May 15,000", ANY_KIND},
    {"id", "Sebanyak 15.000 orang hadir di lapangan.", "15.000", ANY_KIND},
    {"id", "Mei Lestari memenangi lomba lari itu.", "Mei", ANY_KIND},
    {"id", "Sebanyak 2.021 warga mengungsi di Garut.", "2.021", ANY_KIND},
    /* "minggu ini" is this week, not Sunday. */
    {"id", "Harga cabai naik tajam minggu ini di Jakarta.", "minggu", WDAY},
};

START_TEST(test_absent)
{
    const absent_case *c = &absent_cases[_i];
    sc_result *r = check_pair(c->lang, c->text, "", REF);
    const char *at = strstr(c->text, c->word);
    ck_assert_ptr_nonnull(at);
    size_t start = (size_t)(at - c->text), end = start + strlen(c->word);
    char found[2048];
    list_times(&r->article, found, sizeof found);
    ck_assert_ptr_eq(r->article.text->data, r->page.field_data[SC_FIELD_SOURCE]);
    for (size_t i = 0; i < r->article.n_times; i++) {
        const sc_time_expr *e = &r->article.times[i];
        bool overlaps = e->start < end && start < e->end;
        ck_assert_msg(!overlaps || (c->kind != ANY_KIND && (int)e->kind != c->kind),
                      "[%s] \"%s\": \"%s\" taken for a date; found:%s", c->lang, c->text, c->word,
                      found);
    }
    sc_result_free(r);
}
END_TEST

/* ---- Weekday-year inference --------------------------------------------------------- */

typedef struct infer_case {
    const char *name;
    const char *lang;
    const char *text;
    const char *ref;
    const char *expr;
    const char *date; /* the resolved day */
    bool fits;        /* the placement nearest the page date has the weekday */
    int years_in[3];  /* candidate years that must be listed (0 ends) */
    int years_out[2]; /* years that must not be (0 ends) */
} infer_case;

static const infer_case infer_cases[] = {
    {"seed: 15 Dec is a Sunday in 2024, a Wednesday in 2021",
     "id",
     "MOSKOW, Rusia – Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.",
     SEED,
     "Rabu, 15 Desember",
     "2021-12-15",
     false,
     {2021, 2027, 0},
     {2024, 0}},
    {"seed shape, page dated the next day",
     "id",
     "MOSKOW, Rusia – Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.",
     "2021-12-16",
     "Rabu, 15 Desember",
     "2021-12-15",
     true,
     {2021, 0},
     {2024, 0}},
    {"seed shape, page dated the same day",
     "id",
     "MOSKOW, Rusia – Rusia mengirim usulan pada Rabu, 15 Desember, kata Kremlin.",
     "2021-12-15",
     "Rabu, 15 Desember",
     "2021-12-15",
     true,
     {2021, 0},
     {0}},
    {"en: Wednesday, December 15 against 2024-11-24",
     "en",
     "Russia sent a proposal on Wednesday, December 15, the Kremlin said.",
     SEED,
     "Wednesday, December 15",
     "2021-12-15",
     false,
     {2021, 0},
     {2024, 0}},
    {"en: Monday, June 28 against a page three years on",
     "en",
     "The mayor opened the new bridge on Monday, June 28, officials said.",
     "2024-07-02",
     "Monday, June 28",
     "2021-06-28",
     false,
     {2021, 0},
     {2024, 0}},
    {"leap day: Thursday, 29 February, page date the day after",
     "id",
     "Rapat digelar pada Kamis, 29 Februari di Jakarta.",
     "2024-03-01",
     "Kamis, 29 Februari",
     "2024-02-29",
     true,
     {2024, 1996, 0},
     {0}},
    /* No 29 February lies near 2023-03-01; the nearest leap year not after
     * it where the day is a Thursday is 1996 (2024 comes after it). */
    {"leap day: Thursday, 29 February, page date in a common year",
     "id",
     "Rapat digelar pada Kamis, 29 Februari di Jakarta.",
     "2023-03-01",
     "Kamis, 29 Februari",
     "1996-02-29",
     false,
     {1996, 2024, 0},
     {2020, 0}},
    {"leap day: Sunday, February 29 against 2023-03-01",
     "en",
     "The festival closed on Sunday, February 29, organisers said.",
     "2023-03-01",
     "Sunday, February 29",
     "2004-02-29",
     false,
     {2004, 0},
     {2024, 2020}},
    {"year boundary: Friday, 31 December, page dated 2 January",
     "id",
     "Pesta kembang api digelar Jumat, 31 Desember di Monas.",
     "2022-01-02",
     "Jumat, 31 Desember",
     "2021-12-31",
     true,
     {2021, 0},
     {2022, 0}},
    {"year boundary: Saturday, 1 January, a coming day that fits",
     "id",
     "Tarif baru berlaku Sabtu, 1 Januari di seluruh kota.",
     "2021-12-30",
     "Sabtu, 1 Januari",
     "2022-01-01",
     true,
     {2022, 0},
     {2021, 0}},
    {"year boundary: Saturday, 1 January, page dated days after",
     "id",
     "Tarif baru berlaku Sabtu, 1 Januari di seluruh kota.",
     "2022-01-05",
     "Sabtu, 1 Januari",
     "2022-01-01",
     true,
     {2022, 0},
     {0}},
    /* 31 December 2020 was a Thursday: the Friday that fits and is not
     * after the page date is in 2010.  (Dated 2 January, ten days
     * closer, the same text is a one-day slip and resolves to 2020-12-31.) */
    {"year boundary: Friday, 31 December, page dated 10 January 2021",
     "id",
     "Pesta kembang api digelar Jumat, 31 Desember di Monas.",
     "2021-01-10",
     "Jumat, 31 Desember",
     "2010-12-31",
     false,
     {2010, 2021, 0},
     {2020, 0}},
};

START_TEST(test_infer_year)
{
    const infer_case *c = &infer_cases[_i];
    const char *expr = c->expr;
    sc_result *r = check_pair(c->lang, c->text, "", c->ref);
    char found[2048];
    list_times(&r->article, found, sizeof found);
    const sc_time_expr *e = find_time(&r->article, expr);
    ck_assert_msg(e != NULL, "%s: no \"%s\"; found:%s", c->name, expr, found);
    ck_assert_int_eq(e->kind, SC_TIME_DATE);
    ck_assert_int_ne(e->weekday, 0);
    ck_assert_int_eq(e->year, 0);
    ck_assert_msg(e->resolved, "%s: unresolved", c->name);
    assert_date(e->date, c->date, c->name);
    /* The resolved day is on the weekday the text names. */
    ck_assert_int_eq(sc_date_weekday(e->date) + 1, e->weekday);
    ck_assert_msg(e->weekday_fits_reference == c->fits, "%s: fits %d, want %d", c->name,
                  e->weekday_fits_reference, c->fits);
    char years[256];
    size_t used = 0;
    years[0] = '\0';
    for (size_t k = 0; k < e->n_candidate_years; k++) {
        used += (size_t)snprintf(years + used, sizeof years - used, " %d", e->candidate_years[k]);
        /* Each candidate is a year in which the day has the weekday. */
        sc_date d = {e->candidate_years[k], e->month, e->day};
        ck_assert(sc_date_valid(d));
        ck_assert_int_eq(sc_date_weekday(d) + 1, e->weekday);
    }
    for (size_t k = 0; k < 3 && c->years_in[k] != 0; k++) {
        bool seen = false;
        for (size_t j = 0; j < e->n_candidate_years; j++)
            seen = seen || e->candidate_years[j] == c->years_in[k];
        ck_assert_msg(seen, "%s: %d not among the candidates:%s", c->name, c->years_in[k], years);
    }
    for (size_t k = 0; k < 2 && c->years_out[k] != 0; k++)
        for (size_t j = 0; j < e->n_candidate_years; j++)
            ck_assert_msg(e->candidate_years[j] != c->years_out[k],
                          "%s: %d among the candidates:%s", c->name, c->years_out[k], years);
    sc_result_free(r);
}
END_TEST

/* ---- Pages ---------------------------------------------------------------------------- */

#define ID_TITLE "Rusia mengajukan usulan jaminan keamanan kepada Amerika Serikat"
#define ID_DISCLAIMER                                                                              \
    "Ini adalah ringkasan yang dibuat oleh AI, yang mungkin memiliki kesalahan. Untuk "            \
    "konteksnya, selalu rujuk artikel selengkapnya."
#define ID_SUMMARY "Rusia ingin aliansi militer Barat berhenti memperluas wilayahnya ke arah timur."
#define ID_LEAD                                                                                    \
    "MOSKOW, Rusia – Rusia mengajukan usulan tertulis tentang jaminan keamanan kepada "          \
    "Amerika Serikat dalam pertemuan di Moskow pada Rabu, 15 Desember, kata Kremlin."
#define ID_REST                                                                                    \
    "Rusia ingin aliansi militer Barat berhenti memperluas wilayahnya ke arah timur.\n\n"          \
    "Diplomat Amerika itu dijadwalkan bertemu pejabat lain di kementerian pekan depan."
#define CREDIT "– Rappler.com"

/* A page in the seed's shape: date line, title twice, disclaimer, summary,
 * lead, the rest, credit.  Caller frees. */
static char *make_page(const char *date_line, const char *title, const char *disclaimer,
                       const char *summary, const char *lead, const char *rest)
{
    size_t cap = strlen(date_line) + 2 * strlen(title) + strlen(disclaimer) + strlen(summary) +
                 strlen(lead) + strlen(rest) + 128;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    snprintf(page, cap, "%s%s%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s " CREDIT "\n", date_line,
             *date_line ? "\n" : "", title, title, disclaimer, summary, lead, rest);
    return page;
}

static char *id_page(const char *date_line, const char *lead)
{
    return make_page(date_line, ID_TITLE, ID_DISCLAIMER, ID_SUMMARY, lead, ID_REST);
}

START_TEST(test_page_date_mismatch_seed_shape)
{
    char *page = id_page("• November 24, 2024", ID_LEAD);
    sc_result *r = check_page(page);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert(r->page.has_page_date);
    assert_date(r->page.page_date, "2024-11-24", "page date");
    ck_assert_msg(sc_test_count_rule(r, "page-date-mismatch") == 1, "findings:%s", got);
    /* It points at the page's date line. */
    const sc_finding *f = sc_test_find(r, "page-date-mismatch", "• November 24, 2024");
    ck_assert_msg(f != NULL, "not on the date line; findings:%s", got);
    ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
    ck_assert(!f->summary_span.present);
    ck_assert_int_eq(f->source_span.field, SC_FIELD_PAGE);
    assert_ev_string(f, "page_date", "2024-11-24");
    assert_ev_string(f, "expression", "Rabu, 15 Desember");
    ck_assert(ev_has_number(f, "candidate_years", 2021));
    ck_assert(!ev_has_number(f, "candidate_years", 2024));
    assert_ev_string(f, "inferred_date", "2021-12-15");
    assert_ev_integer(f, "days_apart", 1075);
    /* The message says what is wrong and when the article is from. */
    ck_assert_ptr_nonnull(strstr(f->message, "Rabu, 15 Desember"));
    ck_assert_ptr_nonnull(strstr(f->message, "2021"));
    ck_assert_ptr_nonnull(strstr(f->message, "Sunday"));
    /* Not reported twice. */
    ck_assert_uint_eq(sc_test_count_rule(r, "weekday-mismatch"), 0);
    /* The inferred article date. */
    ck_assert(r->has_inferred_date);
    assert_date(r->inferred_date, "2021-12-15", "inferred date");
    ck_assert_str_eq(r->inferred_why, "Rabu, 15 Desember");
    ck_assert(r->inferred_confidence > 0 && r->inferred_confidence <= 1);
    sc_result_free(r);
    free(page);
}
END_TEST

START_TEST(test_page_date_mismatch_quiet_when_dated_right)
{
    static const char *const lines[] = {"• December 15, 2021", "• December 16, 2021",
                                        "• December 17, 2021"};
    for (size_t i = 0; i < 3; i++) {
        char *page = id_page(lines[i], ID_LEAD);
        sc_result *r = check_page(page);
        char got[4096];
        sc_test_list_findings(r, got, sizeof got);
        ck_assert_msg(sc_test_count_rule(r, "page-date-mismatch") == 0, "%s:%s", lines[i], got);
        ck_assert_msg(sc_test_count_rule(r, "weekday-mismatch") == 0, "%s:%s", lines[i], got);
        ck_assert_msg(sc_test_count_rule(r, "date-mismatch") == 0, "%s:%s", lines[i], got);
        ck_assert(r->has_inferred_date);
        assert_date(r->inferred_date, "2021-12-15", lines[i]);
        sc_result_free(r);
        free(page);
    }
}
END_TEST

/* A one-day slip near the page date ("Kamis, 15 Desember" on a page of 16
 * December 2021, when the 15th was a Wednesday) is not another year: at
 * most a weekday-mismatch note. */
START_TEST(test_page_date_slip_is_a_note)
{
    char *page = id_page("• December 16, 2021",
                         "MOSKOW, Rusia – Rusia mengajukan usulan tertulis tentang jaminan "
                         "keamanan kepada Amerika Serikat dalam pertemuan di Moskow pada Kamis, "
                         "15 Desember, kata Kremlin.");
    sc_result *r = check_page(page);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_count_rule(r, "page-date-mismatch") == 0, "findings:%s", got);
    ck_assert_msg(sc_test_count_rule(r, "weekday-mismatch") == 1, "findings:%s", got);
    const sc_finding *f = sc_test_find(r, "weekday-mismatch", "Kamis, 15 Desember");
    ck_assert_msg(f != NULL, "findings:%s", got);
    ck_assert_int_eq(f->severity, SC_SEVERITY_NOTE);
    assert_ev_string(f, "weekday_stated", "Thursday");
    assert_ev_string(f, "weekday_of_date", "Wednesday");
    assert_ev_integer(f, "slip", 1);
    /* A note never fails the default gate. */
    ck_assert_uint_eq(sc_result_count_at_least(r, SC_SEVERITY_WARNING), 0);
    sc_result_free(r);
    free(page);
}
END_TEST

/* An article that recalls an old event by weekday ("Selasa, 11 September",
 * 2001) among mentions that fit its page date: no page-date-mismatch. */
START_TEST(test_page_date_old_event_recalled)
{
    char *page = make_page(
        "• December 16, 2021", ID_TITLE, ID_DISCLAIMER, ID_SUMMARY, ID_LEAD,
        "Rusia ingin aliansi militer Barat berhenti memperluas wilayahnya ke arah timur.\n\n"
        "Diplomat Amerika itu sudah tiba di Moskow pada Senin, 13 Desember.\n\n"
        "Pejabat Rusia membandingkan ketegangan ini dengan masa setelah serangan Selasa, 11 "
        "September di New York.");
    sc_result *r = check_page(page);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    ck_assert_msg(sc_test_count_rule(r, "page-date-mismatch") == 0, "findings:%s", got);
    ck_assert_msg(sc_test_count_rule(r, "weekday-mismatch") == 0, "findings:%s", got);
    /* The recalled day still resolves to a year where it is a Tuesday. */
    const sc_time_expr *e = find_time(&r->article, "Selasa, 11 September");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->resolved);
    ck_assert(!e->weekday_fits_reference);
    ck_assert_int_eq(sc_date_weekday(e->date) + 1, 2);
    ck_assert(r->has_inferred_date);
    assert_date(r->inferred_date, "2021-12-15", "inferred date");
    sc_result_free(r);
    free(page);
}
END_TEST

/* An English page dated three years after its "on Monday, June 28". */
START_TEST(test_page_date_mismatch_en)
{
    char *page = make_page(
        "• July 2, 2024", "Iloilo opens a new river bridge",
        "This is AI generated summarization, "
        "which may have errors. For context, always refer to the full article.",
        "The new bridge links two districts of the city.",
        "ILOILO CITY, Philippines – The mayor opened a new bridge over the Iloilo River on "
        "Monday, June 28, city officials said.",
        "The new bridge links two districts of the city.\n\nIt cost 420 million pesos.");
    sc_result *r = check_page(page);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    const sc_finding *f = sc_test_find(r, "page-date-mismatch", "• July 2, 2024");
    ck_assert_msg(f != NULL, "findings:%s", got);
    ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
    assert_ev_string(f, "expression", "Monday, June 28");
    assert_ev_string(f, "inferred_date", "2021-06-28");
    ck_assert(ev_has_number(f, "candidate_years", 2021));
    assert_ev_integer(f, "days_apart", 1100);
    sc_result_free(r);
    free(page);
}
END_TEST

/* ---- Inferred article date on small pages ----------------------------------------------- */

START_TEST(test_inferred_date)
{
    /* Fitting the page date gives more confidence than contradicting it. */
    char *seed = id_page("• November 24, 2024", ID_LEAD);
    char *right = id_page("• December 16, 2021", ID_LEAD);
    sc_result *a = check_page(seed), *b = check_page(right);
    ck_assert(a->has_inferred_date && b->has_inferred_date);
    assert_date(a->inferred_date, "2021-12-15", "seed");
    assert_date(b->inferred_date, "2021-12-15", "dated right");
    ck_assert_double_gt(b->inferred_confidence, a->inferred_confidence);
    ck_assert_double_le(b->inferred_confidence, 1.0);
    sc_result_free(a);
    sc_result_free(b);
    free(seed);
    free(right);

    /* A full date in the lead. */
    char *full = id_page("• December 16, 2021",
                         "JAKARTA, Indonesia – Banjir merendam 1.300 rumah di Kota Bekasi pada 15 "
                         "Desember 2021, kata petugas.");
    sc_result *c = check_page(full);
    ck_assert(c->has_inferred_date);
    assert_date(c->inferred_date, "2021-12-15", "full date");
    ck_assert_str_eq(c->inferred_why, "15 Desember 2021");
    sc_result_free(c);
    free(full);

    /* A weekday-anchored day in the lead wins over a full date before it. */
    char *both = id_page("• December 16, 2021",
                         "JAKARTA, Indonesia – Proyek yang dimulai pada 1 Maret 2019 itu "
                         "diresmikan wali kota. Peresmian digelar pada Rabu, 15 Desember, kata "
                         "petugas.");
    sc_result *d = check_page(both);
    ck_assert(d->has_inferred_date);
    assert_date(d->inferred_date, "2021-12-15", "anchored over full");
    ck_assert_str_eq(d->inferred_why, "Rabu, 15 Desember");
    sc_result_free(d);
    free(both);

    /* No date at all: nothing inferred. */
    char *none = make_page("• December 16, 2021", ID_TITLE, ID_DISCLAIMER, ID_SUMMARY,
                           "MOSKOW, Rusia – Rusia mengajukan usulan tertulis tentang jaminan "
                           "keamanan kepada Amerika Serikat, kata Kremlin.",
                           "Rusia ingin aliansi militer Barat berhenti memperluas wilayahnya ke "
                           "arah timur.");
    sc_result *e = check_page(none);
    ck_assert(!e->has_inferred_date);
    ck_assert_uint_eq(sc_test_count_rule(e, "page-date-mismatch"), 0);
    sc_result_free(e);
    free(none);
}
END_TEST

/* ---- weekday-mismatch ------------------------------------------------------------------ */

#define ID_WD_SOURCE(date)                                                                         \
    "Banjir merendam 1.300 rumah di Kota Bekasi pada " date ", kata petugas. Petugas membuka "     \
    "empat tempat pengungsian di dekat sungai."

typedef struct weekday_case {
    const char *name;
    const char *lang;
    const char *source;
    const char *page_date;
    const char *expr; /* the expression under the finding, or NULL: quiet */
    sc_severity severity;
} weekday_case;

static const weekday_case weekday_cases[] = {
    /* 16 December 2021 is a Thursday. */
    {"id: wrong weekday, no page date", "id", ID_WD_SOURCE("Rabu, 16 Desember 2021"), NULL,
     "Rabu, 16 Desember 2021", SC_SEVERITY_WARNING},
    {"id: wrong weekday, page date months away", "id", ID_WD_SOURCE("Rabu, 16 Desember 2021"),
     "2022-03-10", "Rabu, 16 Desember 2021", SC_SEVERITY_WARNING},
    {"id: two days off near the page date", "id", ID_WD_SOURCE("Sabtu, 16 Desember 2021"),
     "2021-12-17", "Sabtu, 16 Desember 2021", SC_SEVERITY_WARNING},
    {"id: one day off, the day after the page date's day", "id",
     ID_WD_SOURCE("Rabu, 16 Desember 2021"), "2021-12-17", "Rabu, 16 Desember 2021",
     SC_SEVERITY_NOTE},
    {"id: one day off, three days from the page date", "id",
     ID_WD_SOURCE("Jumat, 16 Desember 2021"), "2021-12-19", "Jumat, 16 Desember 2021",
     SC_SEVERITY_NOTE},
    {"id: numeric date, wrong weekday", "id", ID_WD_SOURCE("Senin (16/12/2021)"), NULL,
     "Senin (16/12/2021)", SC_SEVERITY_WARNING},
    {"en: wrong weekday, no page date", "en",
     "Floods closed 12 schools on Tuesday, December 15, 2021, officials said.", NULL,
     "Tuesday, December 15, 2021", SC_SEVERITY_WARNING},
    {"en: one day off near the page date", "en",
     "Floods closed 12 schools on Tuesday, December 15, 2021, officials said.", "2021-12-16",
     "Tuesday, December 15, 2021", SC_SEVERITY_NOTE},
    /* Quiet. */
    {"id: the right weekday", "id", ID_WD_SOURCE("Kamis, 16 Desember 2021"), NULL, NULL,
     SC_SEVERITY_NOTE},
    {"id: the right weekday, with a page date", "id", ID_WD_SOURCE("Kamis, 16 Desember 2021"),
     "2021-12-17", NULL, SC_SEVERITY_NOTE},
    {"id: a date with no weekday", "id", ID_WD_SOURCE("16 Desember 2021"), "2021-12-17", NULL,
     SC_SEVERITY_NOTE},
    {"en: the right weekday", "en",
     "Floods closed 12 schools on Wednesday, December 15, 2021, officials said.", "2021-12-16",
     NULL, SC_SEVERITY_NOTE},
    {"id: a weekday-anchored day that fits the page date", "id", ID_WD_SOURCE("Rabu, 15 Desember"),
     "2021-12-16", NULL, SC_SEVERITY_NOTE},
    /* A day without a year that fits only another year is
     * page-date-mismatch's, not reported twice. */
    {"id: another year's day is page-date-mismatch's", "id", ID_WD_SOURCE("Rabu, 15 Desember"),
     SEED, NULL, SC_SEVERITY_NOTE},
};

START_TEST(test_weekday_mismatch)
{
    const weekday_case *c = &weekday_cases[_i];
    sc_result *r = check_pair(c->lang, c->source, "", c->page_date);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    if (c->expr == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "weekday-mismatch") == 0, "%s:%s", c->name, got);
    } else {
        ck_assert_msg(sc_test_count_rule(r, "weekday-mismatch") == 1, "%s:%s", c->name, got);
        const sc_finding *f = sc_test_find(r, "weekday-mismatch", c->expr);
        ck_assert_msg(f != NULL, "%s: not on \"%s\":%s", c->name, c->expr, got);
        ck_assert_msg(f->severity == c->severity, "%s: severity %s", c->name,
                      sc_severity_name(f->severity));
        ck_assert_int_eq(f->source_span.field, SC_FIELD_SOURCE);
        ck_assert_ptr_nonnull(strstr(f->message, c->expr));
        assert_ev_string(f, "expression", c->expr);
        assert_ev_integer(f, "slip", c->severity == SC_SEVERITY_NOTE);
    }
    sc_result_free(r);
}
END_TEST

/* A wrong weekday in the summary points into the summary. */
START_TEST(test_weekday_mismatch_in_summary)
{
    sc_result *r =
        check_pair("id", ID_WD_SOURCE("Kamis, 16 Desember 2021"),
                   "Banjir merendam 1.300 rumah di Kota Bekasi pada Rabu, 16 Desember 2021.", NULL);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    const sc_finding *f = sc_test_find(r, "weekday-mismatch", "Rabu, 16 Desember 2021");
    ck_assert_msg(f != NULL, "findings:%s", got);
    ck_assert(f->summary_span.present);
    ck_assert_int_eq(f->summary_span.field, SC_FIELD_SUMMARY);
    ck_assert_int_eq(f->severity, SC_SEVERITY_WARNING);
    assert_ev_string(f, "weekday_of_date", "Thursday");
    sc_result_free(r);
}
END_TEST

/* ---- date-mismatch ----------------------------------------------------------------------- */

#define ID_KREMLIN                                                                                 \
    "MOSKOW, Rusia – Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Amerika "    \
    "Serikat pada Rabu, 15 Desember, kata Kremlin. Moskow ingin aliansi militer Barat berhenti "   \
    "memperluas wilayahnya ke arah timur."
#define ID_KREMLIN_SUMMARY(date)                                                                   \
    "Rusia mengirim usulan tertulis tentang jaminan keamanan kepada Amerika Serikat pada " date    \
    ", kata Kremlin."
#define ID_FACTORY                                                                                 \
    "Pabrik itu dibangun pada tahun 2014 di pinggir kota. Kini pabrik itu mempekerjakan 500 "      \
    "orang dari desa sekitar."
#define ID_FLOOD_DATED                                                                             \
    "Banjir merendam 1.300 rumah di Kota Bekasi pada 15 Desember 2021. Petugas membuka empat "     \
    "tempat pengungsian di dekat sungai."
#define ID_FLOOD_UNDATED                                                                           \
    "Banjir merendam 1.300 rumah di Kota Bekasi. Petugas membuka empat tempat pengungsian di "     \
    "dekat sungai."
#define EN_KREMLIN                                                                                 \
    "Russia sent a written proposal on security guarantees to the United States on Wednesday, "    \
    "December 15, the Kremlin said. Moscow wants NATO to halt its expansion to the east."
#define EN_FACTORY                                                                                 \
    "The factory was built in 2014 on the edge of the city. It now employs 500 people from "       \
    "nearby villages."

typedef struct date_case {
    const char *name;
    const char *lang;
    const char *source;
    const char *summary;
    const char *page_date;
    const char *span;        /* the summary text under the finding; NULL: quiet */
    const char *source_expr; /* the article expression it is compared with, or NULL */
} date_case;

static const date_case date_cases[] = {
    {"id: Kamis, 16 Desember for Rabu, 15 Desember", "id", ID_KREMLIN,
     ID_KREMLIN_SUMMARY("Kamis, 16 Desember"), NULL, "Kamis, 16 Desember", "Rabu, 15 Desember"},
    {"id: Kamis, 16 Desember for Rabu, 15 Desember, with a page date", "id", ID_KREMLIN,
     ID_KREMLIN_SUMMARY("Kamis, 16 Desember"), "2021-12-16", "Kamis, 16 Desember",
     "Rabu, 15 Desember"},
    {"id: Rabu, 16 Desember for Rabu, 15 Desember", "id", ID_KREMLIN,
     ID_KREMLIN_SUMMARY("Rabu, 16 Desember"), NULL, "Rabu, 16 Desember", "Rabu, 15 Desember"},
    {"id: tahun 2015 for tahun 2014", "id", ID_FACTORY,
     "Pabrik itu dibangun pada tahun 2015 di pinggir kota.", NULL, "2015", "2014"},
    {"id: a date the article never states", "id", ID_FLOOD_UNDATED,
     "Banjir merendam 1.300 rumah di Kota Bekasi pada 3 Maret 2020.", NULL, "3 Maret 2020", NULL},
    {"id: a weekday the article's date is not", "id", ID_FLOOD_DATED,
     "Banjir merendam 1.300 rumah di Kota Bekasi pada hari Jumat.", NULL, "Jumat", NULL},
    {"en: Thursday, December 16 for Wednesday, December 15", "en", EN_KREMLIN,
     "Russia sent a written proposal on security guarantees to the United States on Thursday, "
     "December 16, the Kremlin said.",
     NULL, "Thursday, December 16", "Wednesday, December 15"},
    {"en: in 2015 for in 2014", "en", EN_FACTORY,
     "The factory was built in 2015 on the edge of the city.", NULL, "2015", "2014"},
    /* Quiet. */
    {"id: the same weekday-anchored day", "id", ID_KREMLIN, ID_KREMLIN_SUMMARY("Rabu, 15 Desember"),
     "2021-12-16", NULL, NULL},
    {"id: the same day without its weekday", "id", ID_KREMLIN, ID_KREMLIN_SUMMARY("15 Desember"),
     "2021-12-16", NULL, NULL},
    {"id: the same year", "id", ID_FACTORY, "Pabrik itu dibangun pada tahun 2014 di pinggir kota.",
     NULL, NULL, NULL},
    {"id: pada hari Rabu, the article's date is a Wednesday", "id", ID_FLOOD_DATED,
     "Banjir merendam 1.300 rumah di Kota Bekasi pada hari Rabu.", NULL, NULL, NULL},
    {"id: pada hari Rabu for Rabu, 15 Desember", "id", ID_KREMLIN, ID_KREMLIN_SUMMARY("hari Rabu"),
     "2021-12-16", NULL, NULL},
    {"en: the same day", "en", EN_KREMLIN,
     "Russia sent a written proposal on security guarantees to the United States on Wednesday, "
     "December 15, the Kremlin said.",
     NULL, NULL, NULL},
    {"en: on Wednesday for Wednesday, December 15", "en", EN_KREMLIN,
     "Russia sent a written proposal on security guarantees to the United States on Wednesday, "
     "the Kremlin said.",
     "2021-12-16", NULL, NULL},
    {"en: the same year", "en", EN_FACTORY,
     "The factory was built in 2014 on the edge of the city.", NULL, NULL, NULL},
    /* A possessive names the day: the article's "Sunday's" is a Sunday. */
    {"en: sunday 's for Sunday's", "en",
     "The youth game was far removed from Sunday's big match. It kicked off at 3pm on Saturday "
     "in front of 1,000 fans.",
     "the youth game was far removed from sunday 's big match .", NULL, NULL, NULL},
    {"en: Sunday’s (curly) for Sunday’s", "en",
     "The youth game was far removed from Sunday’s big match. It kicked off at 3pm on Saturday "
     "in front of 1,000 fans.",
     "The youth game was far removed from Sunday’s big match.", NULL, NULL, NULL},
};

START_TEST(test_date_mismatch)
{
    const date_case *c = &date_cases[_i];
    sc_result *r = check_pair(c->lang, c->source, c->summary, c->page_date);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    if (c->span == NULL) {
        ck_assert_msg(sc_test_count_rule(r, "date-mismatch") == 0, "%s:%s", c->name, got);
        ck_assert_msg(sc_result_count_at_least(r, SC_SEVERITY_ERROR) == 0, "%s:%s", c->name, got);
    } else {
        ck_assert_msg(sc_test_count_rule(r, "date-mismatch") == 1, "%s:%s", c->name, got);
        const sc_finding *f = sc_test_find(r, "date-mismatch", c->span);
        ck_assert_msg(f != NULL, "%s: not on \"%s\":%s", c->name, c->span, got);
        ck_assert_int_eq(f->severity, SC_SEVERITY_ERROR);
        ck_assert(f->summary_span.present);
        ck_assert_int_eq(f->summary_span.field, SC_FIELD_SUMMARY);
        ck_assert_ptr_nonnull(strstr(f->message, c->span));
        assert_ev_string(f, "summary_expression", c->span);
        if (c->source_expr != NULL) {
            assert_ev_string(f, "source_expression", c->source_expr);
            ck_assert(f->source_span.present);
            char *under = sc_test_span_text(r, &f->source_span);
            ck_assert_str_eq(under, c->source_expr);
            free(under);
        }
    }
    sc_result_free(r);
}
END_TEST

/* The summary's date changed on a page: date-mismatch points at the
 * summary's words, in the page. */
START_TEST(test_date_mismatch_on_page)
{
    char *page = make_page("• December 16, 2021", ID_TITLE, ID_DISCLAIMER,
                           ID_KREMLIN_SUMMARY("Kamis, 16 Desember"), ID_LEAD, ID_REST);
    sc_result *r = check_page(page);
    char got[4096];
    sc_test_list_findings(r, got, sizeof got);
    const sc_finding *f = sc_test_find(r, "date-mismatch", "Kamis, 16 Desember");
    ck_assert_msg(f != NULL, "findings:%s", got);
    ck_assert_int_eq(f->summary_span.field, SC_FIELD_PAGE);
    ck_assert_uint_eq(f->summary_span.start, (size_t)(strstr(page, "Kamis, 16 Desember") - page));
    ck_assert_uint_eq(sc_test_count_rule(r, "page-date-mismatch"), 0);
    sc_result_free(r);
    free(page);
}
END_TEST

static Suite *time_suite(void)
{
    Suite *s = suite_create("time");
    TCase *tc;

    tc = tcase_create("expressions");
    tcase_add_loop_test(tc, test_expression, 0, N(expr_cases));
    tcase_add_loop_test(tc, test_absent, 0, N(absent_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("inference");
    tcase_add_loop_test(tc, test_infer_year, 0, N(infer_cases));
    tcase_add_test(tc, test_inferred_date);
    suite_add_tcase(s, tc);

    tc = tcase_create("rules");
    tcase_add_test(tc, test_page_date_mismatch_seed_shape);
    tcase_add_test(tc, test_page_date_mismatch_quiet_when_dated_right);
    tcase_add_test(tc, test_page_date_slip_is_a_note);
    tcase_add_test(tc, test_page_date_old_event_recalled);
    tcase_add_test(tc, test_page_date_mismatch_en);
    tcase_add_loop_test(tc, test_weekday_mismatch, 0, N(weekday_cases));
    tcase_add_test(tc, test_weekday_mismatch_in_summary);
    tcase_add_loop_test(tc, test_date_mismatch, 0, N(date_cases));
    tcase_add_test(tc, test_date_mismatch_on_page);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(time_suite)
