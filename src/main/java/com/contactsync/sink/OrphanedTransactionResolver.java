package com.contactsync.sink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Finishes the XA transactions that the sink prepared but never committed (a crash between
 * PREPARE and COMMIT), which flink-connector-jdbc 4.0.0 never resolves on PostgreSQL and which
 * would otherwise hold their row locks forever.
 *
 * <p>They are <em>committed</em>, not rolled back. Every statement the sink runs is idempotent and
 * a profile's writes are replayed in order after a restore, so committing an orphan is always
 * safe: if its checkpoint did not complete, the replay writes the same values again; if it did
 * complete (a commit that failed and was kept for retry), rolling it back would lose data.
 */
public final class OrphanedTransactionResolver {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedTransactionResolver.class);

    /** Flink's XA transaction ids (flink-connector-jdbc {@code TransactionId}) use this format id. */
    public static final int FLINK_XID_FORMAT = 202;

    private OrphanedTransactionResolver() {}

    /** Commits every prepared Flink transaction of this database; returns how many it finished. */
    public static int commitOrphans(XADataSource dataSource) {
        XAConnection connection = null;
        try {
            connection = dataSource.getXAConnection();
            XAResource resource = connection.getXAResource();
            Xid[] prepared = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            int finished = 0;
            for (Xid xid : prepared) {
                if (xid.getFormatId() != FLINK_XID_FORMAT) {
                    continue;
                }
                try {
                    resource.commit(xid, false);
                    finished++;
                } catch (XAException e) {
                    if (e.errorCode == XAException.XAER_NOTA) {
                        continue; // another subtask finished it first
                    }
                    throw e;
                }
            }
            if (finished > 0) {
                LOG.warn("committed {} orphaned prepared transaction(s) left by an earlier attempt", finished);
            }
            return finished;
        } catch (Exception e) {
            throw new IllegalStateException("could not resolve orphaned prepared transactions", e);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (Exception e) {
                    LOG.debug("could not close the recovery connection", e);
                }
            }
        }
    }
}
