package com.contactsync.sink;

import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The statement that applies a {@link ProfileWriteBatch}: for every profile in it, it deletes the
 * profile's rows that are no longer in its lists and upserts the rest, in the emails, phones and
 * issues tables at once. It is idempotent (a replay changes nothing, not even a tuple: unchanged rows
 * are not updated), and a profile's change is never half-visible. The batch comes as one array per
 * column ({@link ProfileWriteBatch}), read back into rows with {@code unnest}.
 *
 * <p>A batch none of whose profiles has a row yet (a backfill's batches, nearly always) is copied
 * instead ({@link FreshBatchCopy}, in the same transaction) and the statement then applies nothing:
 * the upsert's per-row conflict check finds nothing there, and COPY inserts the rows for less.
 */
public final class ProfileWriteStatement implements JdbcStatementBuilder<ProfileWriteBatch> {

    private static final long serialVersionUID = 1L;

    public static final String SQL = """
            WITH ids AS (SELECT ?::bigint[] AS ids),
             e AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::int[])
                 AS x(id, email, email_raw, domain, type, is_valid, position)),
             e_del AS (DELETE FROM profile_email t
                 WHERE t.profile_id = ANY ((SELECT ids FROM ids)::bigint[])
                 AND NOT EXISTS (SELECT 1 FROM e WHERE e.id = t.profile_id AND e.email = t.email)),
             e_up AS (INSERT INTO profile_email AS t (profile_id, email, email_raw, domain, type, is_valid, position)
                 SELECT id, email, email_raw, domain, type, is_valid, position FROM e
                 ON CONFLICT (profile_id, email) DO UPDATE SET email_raw = EXCLUDED.email_raw, domain = EXCLUDED.domain,
                     type = EXCLUDED.type, is_valid = EXCLUDED.is_valid, position = EXCLUDED.position, updated_at = now()
                 WHERE (t.email_raw, t.domain, t.type, t.is_valid, t.position)
                     IS DISTINCT FROM (EXCLUDED.email_raw, EXCLUDED.domain, EXCLUDED.type, EXCLUDED.is_valid, EXCLUDED.position)),
             ph AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::int[])
                 AS x(id, phone, extension, phone_raw, country, type, is_valid, position)),
             ph_del AS (DELETE FROM profile_phone t
                 WHERE t.profile_id = ANY ((SELECT ids FROM ids)::bigint[])
                 AND NOT EXISTS (SELECT 1 FROM ph WHERE ph.id = t.profile_id AND ph.phone = t.phone AND ph.extension = t.extension)),
             ph_up AS (INSERT INTO profile_phone AS t (profile_id, phone, extension, phone_raw, country, type, is_valid, position)
                 SELECT id, phone, extension, phone_raw, country, type, is_valid, position FROM ph
                 ON CONFLICT (profile_id, phone, extension) DO UPDATE SET phone_raw = EXCLUDED.phone_raw, country = EXCLUDED.country,
                     type = EXCLUDED.type, is_valid = EXCLUDED.is_valid, position = EXCLUDED.position, updated_at = now()
                 WHERE (t.phone_raw, t.country, t.type, t.is_valid, t.position)
                     IS DISTINCT FROM (EXCLUDED.phone_raw, EXCLUDED.country, EXCLUDED.type, EXCLUDED.is_valid, EXCLUDED.position)),
             q AS (SELECT * FROM unnest(?::bigint[], ?::int[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS x(id, issue_no, field, position, code, raw_value, normalized_value, suggestion, json_path)),
             q_del AS (DELETE FROM contact_quality_issue t
                 WHERE t.profile_id = ANY ((SELECT ids FROM ids)::bigint[])
                 AND NOT EXISTS (SELECT 1 FROM q WHERE q.id = t.profile_id AND q.issue_no = t.issue_no))
            INSERT INTO contact_quality_issue AS t (profile_id, issue_no, field, position, code, raw_value, normalized_value, suggestion, json_path)
             SELECT id, issue_no, field, position, code, raw_value, normalized_value, suggestion, json_path FROM q
             ON CONFLICT (profile_id, issue_no) DO UPDATE SET field = EXCLUDED.field, position = EXCLUDED.position,
                 code = EXCLUDED.code, raw_value = EXCLUDED.raw_value, normalized_value = EXCLUDED.normalized_value,
                 suggestion = EXCLUDED.suggestion, json_path = EXCLUDED.json_path, detected_at = now()
             WHERE (t.field, t.position, t.code, t.raw_value, t.normalized_value, t.suggestion, t.json_path)
                 IS DISTINCT FROM (EXCLUDED.field, EXCLUDED.position, EXCLUDED.code, EXCLUDED.raw_value,
                     EXCLUDED.normalized_value, EXCLUDED.suggestion, EXCLUDED.json_path)
            """;

    /** What the statement applies after {@link FreshBatchCopy} wrote the batch: nothing. */
    private static final ProfileWriteBatch NOTHING = ProfileWriteBatch.of(List.of());

    @Override
    public void accept(PreparedStatement statement, ProfileWriteBatch batch) throws SQLException {
        bind(statement, FreshBatchCopy.copyIfFresh(statement.getConnection(), batch) ? NOTHING : batch);
    }

    private static void bind(PreparedStatement statement, ProfileWriteBatch batch) throws SQLException {
        Object[] columns = {
            batch.profileIds,
            batch.emailProfileIds, batch.emails, batch.emailRaws, batch.emailDomains, batch.emailTypes,
            batch.emailValid, batch.emailPositions,
            batch.phoneProfileIds, batch.phones, batch.phoneExtensions, batch.phoneRaws, batch.phoneCountries,
            batch.phoneTypes, batch.phoneValid, batch.phonePositions,
            batch.issueProfileIds, batch.issueNos, batch.issueFields, batch.issuePositions, batch.issueCodes,
            batch.issueRawValues, batch.issueNormalizedValues, batch.issueSuggestions, batch.issueJsonPaths,
        };
        for (int i = 0; i < columns.length; i++) {
            // pgjdbc sends Java arrays as PostgreSQL arrays (long[] as int8[], String[] as text[], ...).
            statement.setObject(i + 1, columns[i]);
        }
    }
}
