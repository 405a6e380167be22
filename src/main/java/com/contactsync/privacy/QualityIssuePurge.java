package com.contactsync.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The quality issues that hold a contact: its key as normalized value, or a mention of it in the
 * raw value, normalized value or suggestion. Found with one scan of {@code contact_quality_issue}
 * (a coarse SQL filter, then {@link Mentions} in Java); deleted only while they still hold what
 * was found, so an issue the sync has rewritten meanwhile is left to the sync.
 */
final class QualityIssuePurge {

    /** One issue row as found. */
    record Found(long profileId, int issueNo, String rawValue, String normalizedValue, String suggestion, String code,
                 String jsonPath) {
        @Override
        public String toString() {
            return "Found{profile " + profileId + ", issue " + issueNo + "}";
        }
    }

    private static final String COLUMNS = "SELECT profile_id, issue_no, raw_value, normalized_value, suggestion, code, json_path"
            + " FROM contact_quality_issue WHERE ";

    private QualityIssuePurge() {}

    static List<Found> find(Connection target, ContactKey key, Mentions mentions) throws SQLException {
        StringBuilder where = new StringBuilder("normalized_value = ?");
        List<String> parameters = new ArrayList<>(List.of(key.value()));
        if (key.kind() == ContactKey.Kind.PHONE) {
            where.append(" OR normalized_value LIKE ?");
            parameters.add(key.value() + ";ext=%"); // a phone key is '+' and digits: nothing to escape
            where.append(" OR strpos(regexp_replace(concat_ws(' ', raw_value, suggestion), '[^0-9]+', '', 'g'), ?) > 0");
            parameters.add(mentions.needles().get(0));
        } else {
            for (String needle : mentions.needles()) {
                where.append(" OR strpos(lower(raw_value), ?) > 0 OR strpos(lower(normalized_value), ?) > 0"
                        + " OR strpos(lower(suggestion), ?) > 0");
                parameters.addAll(List.of(needle, needle, needle));
            }
        }
        List<Found> found = new ArrayList<>();
        try (PreparedStatement s = target.prepareStatement(COLUMNS + where)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Found row = new Found(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7));
                    if (holds(row, key, mentions)) {
                        found.add(row);
                    }
                }
            }
        }
        return found;
    }

    static int delete(Connection target, List<Found> rows) throws SQLException {
        int deleted = 0;
        try (PreparedStatement s = target.prepareStatement("DELETE FROM contact_quality_issue WHERE profile_id = ? AND issue_no = ?"
                + " AND raw_value IS NOT DISTINCT FROM ? AND normalized_value IS NOT DISTINCT FROM ?"
                + " AND suggestion IS NOT DISTINCT FROM ?")) {
            for (Found row : rows) {
                s.setLong(1, row.profileId());
                s.setInt(2, row.issueNo());
                s.setString(3, row.rawValue());
                s.setString(4, row.normalizedValue());
                s.setString(5, row.suggestion());
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /** By profile, the places in the source document where the found issues record the contact the mapping does not read. */
    static Map<Long, List<RecordedPlace>> recordedPlaces(List<Found> rows, ContactKey key) {
        Map<Long, List<RecordedPlace>> places = new HashMap<>();
        for (Found row : rows) {
            RecordedPlace place = RecordedPlace.of(row.code(), row.jsonPath());
            if (place != null && isKey(row.normalizedValue(), key)) {
                places.computeIfAbsent(row.profileId(), id -> new ArrayList<>()).add(place);
            }
        }
        return places;
    }

    private static boolean holds(Found row, ContactKey key, Mentions mentions) {
        String normalized = row.normalizedValue();
        return isKey(normalized, key) || mentions.in(row.rawValue()) || mentions.in(normalized) || mentions.in(row.suggestion());
    }

    private static boolean isKey(String normalized, ContactKey key) {
        return Objects.equals(normalized, key.value())
                || (key.kind() == ContactKey.Kind.PHONE && normalized != null && normalized.startsWith(key.value() + ";ext="));
    }
}
