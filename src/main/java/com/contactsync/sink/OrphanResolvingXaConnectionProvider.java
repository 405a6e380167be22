package com.contactsync.sink;

import org.apache.flink.connector.jdbc.datasource.connections.xa.XaConnectionProvider;
import org.apache.flink.connector.jdbc.datasource.transactions.xa.exceptions.TransientXaException;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;
import javax.transaction.xa.Xid;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Properties;

/**
 * The connector's XA connection provider with recovery that works on PostgreSQL. The connector
 * asks {@link #recover()} at writer start-up, after it has committed the transactions kept in its
 * own restored state: that is the moment to finish orphans ({@link OrphanedTransactionResolver}).
 */
final class OrphanResolvingXaConnectionProvider implements XaConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final XaConnectionProvider delegate;
    private final SerializableSupplier<XADataSource> dataSource;

    OrphanResolvingXaConnectionProvider(
            XaConnectionProvider delegate, SerializableSupplier<XADataSource> dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public Collection<Xid> recover() {
        OrphanedTransactionResolver.commitOrphans(dataSource.get());
        return Collections.emptyList();
    }

    @Override
    public void open() throws Exception {
        delegate.open();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void start(Xid xid) throws Exception {
        delegate.start(xid);
    }

    @Override
    public void endAndPrepare(Xid xid) throws Exception {
        delegate.endAndPrepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean ignoreUnknown) throws TransientXaException {
        delegate.commit(xid, ignoreUnknown);
    }

    @Override
    public void rollback(Xid xid) throws TransientXaException {
        delegate.rollback(xid);
    }

    @Override
    public void failAndRollback(Xid xid) throws TransientXaException {
        delegate.failAndRollback(xid);
    }

    @Override
    public Connection getConnection() {
        return delegate.getConnection();
    }

    @Override
    public Properties getProperties() {
        return delegate.getProperties();
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        return delegate.isConnectionValid();
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException, ClassNotFoundException {
        return delegate.getOrEstablishConnection();
    }

    @Override
    public void closeConnection() {
        delegate.closeConnection();
    }

    @Override
    public Connection reestablishConnection() throws SQLException, ClassNotFoundException {
        return delegate.reestablishConnection();
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }
}
