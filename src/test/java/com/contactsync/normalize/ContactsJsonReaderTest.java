package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

class ContactsJsonReaderTest {

    private final ContactsJsonReader reader = new ContactsJsonReader();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\uFEFF", "null", " null ", "\"\"", "\"null\"", "\"  \"", "\"\\\"null\\\"\""})
    void nothingToRead(String text) {
        assertThat(reader.read(text)).isEqualTo(ContactsJsonReader.Result.NOTHING);
    }

    @Test
    void readsObjectsAndOtherValues() {
        assertThat(reader.read("{\"emails\":[]}").root().has("emails")).isTrue();
        assertThat(reader.read("[1]").root().isArray()).isTrue();
        assertThat(reader.read("42").root().isNumber()).isTrue();
    }

    @Test
    void unwrapsStringsHoldingJsonRepeatedly() {
        assertThat(reader.read("\"{\\\"a\\\":1}\"").root().get("a").intValue()).isEqualTo(1);
        assertThat(reader.read("\"\\\"{\\\\\\\"a\\\\\\\":2}\\\"\"").root().get("a").intValue()).isEqualTo(2);
        assertThat(reader.read("\" [3] \"").root().get(0).intValue()).isEqualTo(3);
    }

    @Test
    void keepsBigNumbersExact() {
        JsonNode root = reader.read("[4.155550123E9, 0.1, 123456789012345678901234567890]").root();

        assertThat(root.get(0).isBigDecimal()).isTrue();
        assertThat(root.get(0).decimalValue()).isEqualByComparingTo("4155550123");
        assertThat(root.get(1).decimalValue()).isEqualByComparingTo("0.1");
        assertThat(root.get(2).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":1}}", "{'a':1}", "{a:1}", "[1,]", "// c\n{}", "NaN", "{\"a\":01}", "\"{\"",
        "{\"a\":\"\u0001\"}"})
    void strictJsonOnly(String text) {
        QualityIssue issue = reader.read(text).issue();

        assertThat(issue.code()).isEqualTo(QualityCode.CONTACTS_MALFORMED);
        assertThat(issue.field()).isEqualTo("contacts");
        assertThat(issue.position()).isEqualTo(-1);
        assertThat(issue.rawValue()).isEqualTo(text);
        assertThat(issue.suggestion()).startsWith("invalid JSON at line 1, column ");
    }

    @Test
    void stringNotHoldingJsonIsAnUnexpectedShape() {
        assertThat(reader.read("\"a@x.com\"").issue()).isEqualTo(new QualityIssue("contacts", -1,
                QualityCode.CONTACTS_UNEXPECTED_SHAPE, "\"a@x.com\"", null, "a JSON string that does not hold JSON"));
    }

    @Test
    void overlongNumbersBreakTheLimits() {
        String text = "[" + "9".repeat(150) + "]";

        assertThat(reader.read(text).issue().suggestion()).startsWith("exceeds parser limits: Number value length");
    }
}
