package io.leadline.persistence.testdb;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Drops the run's throwaway database when the JUnit session ends (a JVM shutdown hook is the fallback). */
public class TestDatabaseSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.close();
    }
}
