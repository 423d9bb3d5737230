#include "extract/decoder.h"

#include <doctest/doctest.h>

#include <string>

#include "extract/error.h"
#include "tests/test_support.h"

namespace relgraph {
namespace {

using testing::encode;

const std::string kArticle =
    "해솔전자는 미르테크와 차세대 인공지능 반도체를 함께 개발하기로 하고 업무협약을 맺었다고 12일 밝혔다. "
    "김하늘 해솔전자 대표는 \"두 회사의 설계 역량을 합쳐 내년 상반기 시제품을 내놓겠다\"고 말했다.";

TEST_CASE("decoder: UTF-8 stays as it is, a byte order mark is dropped, nothing to warn about") {
  DecodedText plain = decode_text(kArticle);
  CHECK(plain.text == kArticle);
  CHECK(plain.warning == "");
  CHECK_FALSE(plain.binary);
  CHECK(decode_text("\xEF\xBB\xBF" + kArticle).text == kArticle);
  CHECK(decode_text("").text == "");
  CHECK(decode_text("").warning == "");
}

TEST_CASE("decoder: UTF-16 with a byte order mark, either byte order") {
  const std::string le = "\xFF\xFE" + encode(kArticle, "UTF-16LE");
  const std::string be = "\xFE\xFF" + encode(kArticle, "UTF-16BE");
  CHECK(decode_text(le).text == kArticle);
  CHECK(decode_text(be).text == kArticle);
  CHECK(decode_text(le).warning == "");
}

TEST_CASE("decoder: EUC-KR made by ICU is detected and read back exactly, and the warning says so") {
  const std::string euc_kr = encode(kArticle, "EUC-KR");
  REQUIRE(euc_kr != kArticle);
  const DecodedText decoded = decode_text(euc_kr);
  CHECK(decoded.text == kArticle);
  CHECK(decoded.warning.find("not UTF-8; read as CP949") != std::string::npos);
  CHECK(decoded.warning.find("EUC-KR") != std::string::npos);
}

TEST_CASE("decoder: CP949's own syllables (outside EUC-KR) decode too, even in a short text") {
  // 똠 and 펲 exist only in CP949's extension; ICU's EUC-KR model rejects them.
  const std::string text = "똠방각하 펲시 해솔전자는 미르테크와 손잡았다.";
  const std::string cp949 = encode(text, "windows-949-2000");
  const DecodedText decoded = decode_text(cp949);
  CHECK(decoded.text == text);
  CHECK(decoded.warning.find("CP949") != std::string::npos);
}

TEST_CASE("decoder: a forced encoding is used without guessing, Korean names mean Microsoft's CP949") {
  const std::string text = "똠방각하 해솔전자";
  const std::string cp949 = encode(text, "windows-949-2000");
  for (const char* name : {"CP949", "cp949", "EUC-KR", "euc_kr", "UHC", "MS949"}) {
    CAPTURE(name);
    const DecodedText decoded = decode_text(cp949, name);
    CHECK(decoded.text == text);
    CHECK(decoded.warning == "");
  }
  CHECK(decode_text(encode(text, "UTF-16LE"), "UTF-16LE").text == text);
}

TEST_CASE("decoder: a forced encoding that does not fit warns with the first bad byte") {
  const DecodedText decoded = decode_text("ab\xFF\xFF", "UTF-8");
  CHECK(decoded.text == "ab\uFFFD\uFFFD");
  CHECK(decoded.warning == "invalid UTF-8 at byte 2; replaced by U+FFFD");
}

TEST_CASE("decoder: an unknown encoding name is a usage error") {
  CHECK_THROWS_AS(check_encoding_name("no-such-encoding"), Error);
  CHECK_NOTHROW(check_encoding_name("EUC-KR"));
  try {
    decode_text("x", "no-such-encoding");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kUsage);
    CHECK(std::string(e.what()).find("no-such-encoding") != std::string::npos);
  }
}

TEST_CASE("decoder: UTF-8 cut inside a character keeps the text and marks the cut with U+FFFD") {
  const std::string whole = "해솔전자는 미르테크와";  // 미 is 3 bytes
  const std::string cut = whole.substr(0, whole.size() - 2);
  const DecodedText decoded = decode_text(cut);
  CHECK(decoded.text == "해솔전자는 미르테크\uFFFD");
  CHECK(decoded.warning == "invalid UTF-8 at byte " + std::to_string(cut.size() - 1) +
                               "; bad sequences replaced by U+FFFD");
}

TEST_CASE("decoder: each bad sequence becomes one U+FFFD, the byte offset counts a byte order mark") {
  const DecodedText decoded = decode_text("\xEF\xBB\xBF" "가\xFF나\xC3 다\xE2\x82" "라" + kArticle);
  CHECK(decoded.text == "가\uFFFD나\uFFFD 다\uFFFD라" + kArticle);
  CHECK(decoded.warning.find("at byte 6;") != std::string::npos);  // 3 (BOM) + 3 (가)
}

TEST_CASE("decoder: NUL bytes mean a binary file, reported with the first one's offset") {
  const DecodedText decoded = decode_text(std::string("PK\x03\x04\x00\x00zip", 9));
  CHECK(decoded.binary);
  CHECK(decoded.text == "");
  CHECK(decoded.warning == "NUL byte at byte 4: not text; skipped");
  // UTF-16 has zero bytes of its own: only a NUL character after decoding counts.
  CHECK_FALSE(decode_text("\xFF\xFE" + encode("abc", "UTF-16LE")).binary);
  CHECK(decode_text("\xFF\xFE" + encode(std::string("a\0b", 3), "UTF-16LE")).binary);
}

TEST_CASE("decoder: an encoding ICU's detector names but has no converter for is not an error") {
  // Found by fuzz_document: ICU's detector ranks these bytes IBM420_ltr, a
  // name ucnv_open does not know; it used to stop relgraph with a usage error.
  const std::string bytes(
      "\x13\x6a\x4b\x13\x79\x6b\x13\x66\x75\x74\x66\x38\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\x38\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\x9f\x74\xec\x99\x80\x20\xc3\x28\xed\x98\x91\xeb\xa0\xa5\xed\xb4\xed\x75\x74\x66\x38\x9f\x74\xec\x99\x80\x20\xc3\x22\xed\x98\x91\xeb\xa0\x88\xeb\x75\x74\x66\x31\x36\xef\xbb\x61\xbf\x8b\xa4\xe2\x80",
      107);
  DecodedText decoded;
  CHECK_NOTHROW(decoded = decode_text(bytes));
  CHECK_FALSE(decoded.binary);
  CHECK(decoded.warning.find("IBM420") == std::string::npos);
}

TEST_CASE("stream decoder: the first piece chooses the reading, as decode_text chooses for a whole file") {
  CHECK(StreamDecoder(kArticle).passes_utf8());
  CHECK(StreamDecoder(kArticle.substr(0, kArticle.find("미") + 1)).passes_utf8());  // a character cut by the piece's end
  CHECK(StreamDecoder(kArticle + "\xFF").passes_utf8());                           // one stray byte among many characters
  CHECK(StreamDecoder("").passes_utf8());
  CHECK(StreamDecoder("\xEF\xBB\xBF" + kArticle).byte_order_mark() == 3);
  const StreamDecoder euc_kr(encode(kArticle, "EUC-KR"));
  CHECK_FALSE(euc_kr.passes_utf8());
  CHECK(euc_kr.warning().starts_with("not UTF-8; read as CP949 ("));
  CHECK_FALSE(StreamDecoder("\xFF\xFE" + encode("abc", "UTF-16LE")).passes_utf8());
  CHECK_FALSE(StreamDecoder(kArticle, "EUC-KR").passes_utf8());
  const StreamDecoder binary(std::string("abc\0def", 7));
  CHECK(binary.binary());
  CHECK(binary.warning() == "NUL byte at byte 3: not text; skipped");
}

// The text of `bytes` decoded in pieces of `size` bytes.
std::string decode_in_pieces(const std::string& bytes, std::size_t size, std::string* warning = nullptr) {
  StreamDecoder decoder(bytes.substr(0, size));
  std::string text;
  for (std::size_t pos = 0; pos < bytes.size() || pos == 0; pos += size) {
    decoder.decode(std::string_view(bytes).substr(pos, size), pos + size >= bytes.size(), text);
  }
  if (warning) *warning = decoder.warning();
  return text;
}

TEST_CASE("stream decoder: characters cut between pieces come out whole, whatever the piece size") {
  std::string cp949;
  for (int i = 0; i < 40; ++i) cp949 += encode("똠방각하 " + kArticle + "\n", "windows-949-2000");
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "똠방각하 " + kArticle + "\n";
  // The first piece must be long enough for the guess; later ones cut characters anywhere.
  for (const std::size_t size : {cp949.size(), std::size_t{4093}, std::size_t{4096}, std::size_t{6001}}) {
    CAPTURE(size);
    std::string warning;
    CHECK(decode_in_pieces(cp949, size, &warning) == expected);
    CHECK(warning.find("invalid") == std::string::npos);
  }
  // A pair of UTF-16 surrogates cut by a piece and by ICU's buffer of 8,192 units.
  const std::string text = std::string(8191, 'a') + "😀 해솔 🚀";
  const std::string utf16 = "\xFF\xFE" + encode(text, "UTF-16LE");
  for (const std::size_t size : {utf16.size(), std::size_t{16385}, std::size_t{16384}, std::size_t{3}}) {
    CAPTURE(size);
    CHECK(decode_in_pieces(utf16, size) == text);
  }
}

TEST_CASE("stream decoder: the first unreadable sequence is counted from the input's start, across pieces") {
  const std::string good = encode(kArticle + "\n", "windows-949-2000");
  std::string bytes;
  for (int i = 0; i < 20; ++i) bytes += good;
  const std::size_t bad_at = bytes.size() + 6;
  bytes += good.substr(0, 6) + "\x81 " + good.substr(6);  // a lead byte with no trail byte
  std::string warning;
  const std::string text = decode_in_pieces(bytes, 1000, &warning);
  CHECK(text.find("\uFFFD") != std::string::npos);
  CHECK(warning.ends_with("; invalid CP949 at byte " + std::to_string(bad_at) + "; replaced by U+FFFD"));
  CHECK(decode_text(bytes).warning == warning);
}

TEST_CASE("stream decoder: a NUL character makes the input binary in the first piece only") {
  const std::string nul_first = "\xFF\xFE" + encode(std::string("a\0b", 3) + std::string(100, 'c'), "UTF-16LE");
  StreamDecoder first(nul_first.substr(0, 50));
  std::string text;
  first.decode(std::string_view(nul_first).substr(0, 50), false, text);
  CHECK(first.binary());
  CHECK(text == "");
  const std::string nul_later = "\xFF\xFE" + encode(std::string(100, 'c') + std::string("a\0b", 3), "UTF-16LE");
  CHECK(decode_in_pieces(nul_later, 50) == std::string(100, 'c') + std::string("a\0b", 3));
}

}  // namespace
}  // namespace relgraph
