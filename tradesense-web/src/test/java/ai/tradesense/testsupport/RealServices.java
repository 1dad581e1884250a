package ai.tradesense.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Resolves the real PostgreSQL and Redis and hands them to the Payara Micro that Arquillian starts.
 * Register it before {@code ArquillianExtension}: extensions run in the order they are listed.
 */
public class RealServices implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PayaraMicroSetup.configure();
    }
}
