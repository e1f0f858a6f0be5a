package dev.vireo.testlib.r2dbc;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import org.reactivestreams.Publisher;

/** A connection delegating everything to the driver's, as a pool's connection does. */
public final class PoolLikeConnection implements Connection {

  private final Connection delegate;

  PoolLikeConnection(Connection delegate) {
    this.delegate = delegate;
  }

  @Override
  public Statement createStatement(String sql) {
    return delegate.createStatement(sql);
  }

  @Override
  public Batch createBatch() {
    return delegate.createBatch();
  }

  @Override
  public Publisher<Void> beginTransaction() {
    return delegate.beginTransaction();
  }

  @Override
  public Publisher<Void> beginTransaction(TransactionDefinition definition) {
    return delegate.beginTransaction(definition);
  }

  @Override
  public Publisher<Void> close() {
    return delegate.close();
  }

  @Override
  public Publisher<Void> commitTransaction() {
    return delegate.commitTransaction();
  }

  @Override
  public Publisher<Void> createSavepoint(String name) {
    return delegate.createSavepoint(name);
  }

  @Override
  public boolean isAutoCommit() {
    return delegate.isAutoCommit();
  }

  @Override
  public ConnectionMetadata getMetadata() {
    return delegate.getMetadata();
  }

  @Override
  public IsolationLevel getTransactionIsolationLevel() {
    return delegate.getTransactionIsolationLevel();
  }

  @Override
  public Publisher<Void> releaseSavepoint(String name) {
    return delegate.releaseSavepoint(name);
  }

  @Override
  public Publisher<Void> rollbackTransaction() {
    return delegate.rollbackTransaction();
  }

  @Override
  public Publisher<Void> rollbackTransactionToSavepoint(String name) {
    return delegate.rollbackTransactionToSavepoint(name);
  }

  @Override
  public Publisher<Void> setAutoCommit(boolean autoCommit) {
    return delegate.setAutoCommit(autoCommit);
  }

  @Override
  public Publisher<Void> setLockWaitTimeout(Duration timeout) {
    return delegate.setLockWaitTimeout(timeout);
  }

  @Override
  public Publisher<Void> setStatementTimeout(Duration timeout) {
    return delegate.setStatementTimeout(timeout);
  }

  @Override
  public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
    return delegate.setTransactionIsolationLevel(level);
  }

  @Override
  public Publisher<Boolean> validate(ValidationDepth depth) {
    return delegate.validate(depth);
  }
}
