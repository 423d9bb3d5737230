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

TEST_CASE("decoder: reads_as_utf8 tells whether the start of a file can be streamed as UTF-8") {
  CHECK(reads_as_utf8(kArticle));
  CHECK(reads_as_utf8(kArticle.substr(0, kArticle.find("미") + 1)));  // a character cut by the block's end
  CHECK(reads_as_utf8(kArticle + "\xFF"));                           // one stray byte among many characters
  CHECK_FALSE(reads_as_utf8(encode(kArticle, "EUC-KR")));
  CHECK_FALSE(reads_as_utf8("\xFF\xFE" + encode("abc", "UTF-16LE")));
  CHECK_FALSE(reads_as_utf8(std::string("abc\0def", 7)));
  CHECK(reads_as_utf8(""));
}

}  // namespace
}  // namespace relgraph
