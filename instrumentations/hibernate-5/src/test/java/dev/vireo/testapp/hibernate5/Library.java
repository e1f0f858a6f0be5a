package dev.vireo.testapp.hibernate5;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** A session factory over an in-memory H2 database with the one entity, {@link Book}. */
public final class Library {

  private Library() {}

  public static SessionFactory open(String databaseName) {
    return new Configuration()
        .addAnnotatedClass(Book.class)
        .setProperty("hibernate.connection.url", "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1")
        .setProperty("hibernate.connection.username", "sa")
        .setProperty("hibernate.connection.password", "")
        .setProperty("hibernate.hbm2ddl.auto", "create-drop")
        .buildSessionFactory();
  }
}
