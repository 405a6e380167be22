package com.contactsync.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.normalize.mapping.Mapping;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The census on hand-written documents: paths, counts, types, collapsed indexes, coverage, the proposal. */
class ShapeCensusTest {

    private static final String CLASSIC = """
            {"emails": ["ann@example.com", {"address": "ann.work@example.com", "type": "work"}],
             "name": "Ann", "tags": [1, "vip", null],
             "contact": {"others": [{"email": "bob@example.org"}, {"email": "cid@example.net", "primary": true}]}}""";
    private static final String FLAT = """
            {"emails": [], "work_email": "dee@example.com", "mobile": "+1 202 555 0101", "note": "call +1 202 555 0199 after 6"}""";
    /** Encoded as a JSON string twice, as a buggy client stored it. */
    private static final String DOUBLE_ENCODED = "\"{\\\"phone\\\": \\\"+44 20 7946 0958\\\"}\"";

    @Test
    void everyPathIsListedWithIndexesCollapsedAndItsProfilesTypesAndContacts() {
        CensusResult result = census(Mapping.defaults(), CLASSIC, FLAT, DOUBLE_ENCODED);

        assertThat(result.paths()).extracting(PathShape::path, PathShape::profiles, PathShape::types, PathShape::emails,
                PathShape::phones, PathShape::covered).containsExactly(
                tuple("$", 3, List.of("object"), 0, 0, false),
                tuple("$.contact", 1, List.of("object"), 0, 0, false),
                tuple("$.contact.others", 1, List.of("array"), 0, 0, false),
                tuple("$.contact.others[*]", 1, List.of("object"), 0, 0, false),
                tuple("$.contact.others[*].email", 1, List.of("string"), 2, 0, false),
                tuple("$.contact.others[*].primary", 1, List.of("boolean"), 0, 0, false),
                tuple("$.emails", 2, List.of("array"), 0, 0, true),
                tuple("$.emails[*]", 1, List.of("string", "object"), 1, 0, true),
                tuple("$.emails[*].address", 1, List.of("string"), 1, 0, true),
                tuple("$.emails[*].type", 1, List.of("string"), 0, 0, true),
                tuple("$.mobile", 1, List.of("string"), 0, 1, false),
                tuple("$.name", 1, List.of("string"), 0, 0, false),
                tuple("$.note", 1, List.of("string"), 0, 0, false), // a mention, not a contact as a whole
                tuple("$.phone", 1, List.of("string"), 0, 1, true),
                tuple("$.tags", 1, List.of("array"), 0, 0, false),
                tuple("$.tags[*]", 1, List.of("string", "number", "null"), 0, 0, false),
                tuple("$.work_email", 1, List.of("string"), 1, 0, false));
    }

    @Test
    void documentsAreDecodedAsTheNormalizerDoesAndTheUnreadableCounted() {
        CensusResult result = census(Mapping.defaults(), CLASSIC, null, "  ", "null", "{\"emails\": [", "\"just text\"",
                DOUBLE_ENCODED);

        assertThat(result.documents()).isEqualTo(new CensusResult.Documents(7, 2, 3, 1, 1));
        assertThat(result.paths()).filteredOn(p -> p.path().equals("$")).extracting(PathShape::profiles).containsExactly(2);
    }

    @Test
    void coverageIsTheShareOfContactsWhereTheRulesSelect() {
        CensusResult result = census(Mapping.defaults(), CLASSIC, FLAT, DOUBLE_ENCODED);

        // ann, ann.work and the double-encoded phone are read; bob, cid, dee and the mobile are not
        assertThat(result.contacts()).isEqualTo(7);
        assertThat(result.coveredContacts()).isEqualTo(3);
        assertThat(result.coverage()).isEqualTo(3.0 / 7);
    }

    @Test
    void stringsInsideASelectedEntryAreCoveredAndPartlySelectedPathsAreNot() {
        Mapping firstEmailOnly = mapping("{\"emails\": [{\"path\": \"$.emails[0]\"}]}");

        CensusResult result = census(firstEmailOnly,
                "{\"emails\": [{\"address\": \"eve@example.com\", \"backup\": \"eve@example.org\"}, \"fay@example.com\"]}");

        assertThat(result.paths()).extracting(PathShape::path, PathShape::emails, PathShape::covered,
                PathShape::uncoveredEmails).contains(
                tuple("$.emails[*].backup", 1, true, 0),
                tuple("$.emails[*]", 1, false, 1));
        assertThat(result.coverage()).isEqualTo(2.0 / 3);
    }

    @Test
    void phonesAreReadInTheProfilesRegionElseTheDefault() {
        ShapeCensus census = new ShapeCensus(Mapping.defaults(), "US");
        census.add("{\"landline\": \"020 7946 0958\"}", "GB");
        census.add("{\"landline\": \"020 7946 0958\"}", null);

        assertThat(census.result().paths()).filteredOn(p -> p.path().equals("$.landline"))
                .extracting(PathShape::profiles, PathShape::phones).containsExactly(tuple(2, 1));
    }

    @Test
    void theProposalNamesEachUncoveredPathWithContactsUnderItsKind() {
        MappingProposal proposal = census(Mapping.defaults(), CLASSIC, FLAT, "{\"e-mail\": \"gil@example.com\"}").proposal();

        assertThat(proposal.emails()).extracting(PathShape::path)
                .containsExactly("$.contact.others[*].email", "$.work_email", "$['e-mail']");
        assertThat(proposal.phones()).extracting(PathShape::path).containsExactly("$.mobile");
        assertThat(proposal.toYaml()).isEqualTo("""
                mapping:
                  emails:
                    - path: $.contact.others[*].email   # 2 emails; the path in 1 profile
                    - path: $.work_email                # 1 email; the path in 1 profile
                    - path: "$['e-mail']"               # 1 email; the path in 1 profile
                  phones:
                    - path: $.mobile   # 1 phone; the path in 1 profile
                """);
        assertThat(proposal.toJson().toString()).isEqualTo("{\"emails\":[{\"path\":\"$.contact.others[*].email\"},"
                + "{\"path\":\"$.work_email\"},{\"path\":\"$['e-mail']\"}],\"phones\":[{\"path\":\"$.mobile\"}]}");
    }

    @Test
    void theProposedRulesAppendedToTheMappingCoverEveryContact() {
        String[] documents = {CLASSIC, FLAT, DOUBLE_ENCODED, "{\"e-mail\": \"gil@example.com\"}"};
        MappingProposal proposal = census(Mapping.defaults(), documents).proposal();

        CensusResult again = census(ProposedRules.appendedTo(Mapping.defaults(), proposal.toYaml()), documents);

        assertThat(again.coverage()).isEqualTo(1.0);
        assertThat(again.proposal().isEmpty()).isTrue();
        assertThat(again.paths()).filteredOn(p -> p.emails() + p.phones() > 0).allMatch(PathShape::covered);
    }

    @Test
    void theJsonHasTheAgreedFields() {
        JsonNode json = CensusReport.json(census(Mapping.defaults(), FLAT));

        assertThat(json.fieldNames()).toIterable().containsExactly("sampled", "paths", "coverage", "proposal");
        assertThat(json.get("sampled").asInt()).isEqualTo(1);
        assertThat(json.get("paths").get(0).fieldNames()).toIterable()
                .containsExactly("path", "profiles", "types", "emails", "phones", "covered");
        assertThat(json.get("paths").get(0).get("types").get(0).asText()).isEqualTo("object");
        assertThat(json.get("coverage").isNumber()).isTrue();
        assertThat(json.get("coverage").asDouble()).isZero();
    }

    @Test
    void aSampleWithoutContactsHasFullCoverageAndNothingToPropose() {
        CensusResult result = census(Mapping.defaults(), "{\"name\": \"Hal\"}", "{}");

        assertThat(result.coverage()).isEqualTo(1.0);
        assertThat(result.proposal().isEmpty()).isTrue();
    }

    private static CensusResult census(Mapping mapping, String... documents) {
        ShapeCensus census = new ShapeCensus(mapping, "US");
        for (String document : documents) {
            census.add(document, null);
        }
        return census.result();
    }

    private static Mapping mapping(String json) {
        try {
            return Mapping.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
