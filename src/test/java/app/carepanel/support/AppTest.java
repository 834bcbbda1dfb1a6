package app.carepanel.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import com.github.tomakehurst.wiremock.WireMockServer;

import app.carepanel.base.Digests;
import app.carepanel.workspace.Workspace;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * What every test of the running app starts from: the platform and Intercom stubs with nothing stubbed and nothing
 * recorded, a database without rows, closed circuit breakers, empty caches, and a workspace of the test's own,
 * installed, so that no other test's late work, limits or refusals reach it. A test stubs what it needs in its own
 * {@code @BeforeEach}, which runs after this one.
 */
@QuarkusTestResource(PlatformStub.class)
public abstract class AppTest {

    @InjectPlatformStub
    protected WireMockServer platform;

    /** The Intercom stub, when the test class declares {@link IntercomStub} as a resource. */
    @InjectIntercomStub
    protected WireMockServer intercom;

    @Inject
    protected TestReset reset;

    /** This test's own workspace id. */
    protected String workspace;

    @BeforeEach
    void blankState(TestInfo test) {
        String method = test.getTestMethod().map(m -> m.getName()).orElse("test");
        String name = getClass().getSimpleName() + "." + method;
        // Ids are at most 64 characters: a readable start, and a digest of the whole name to keep them apart.
        workspace = "ws-" + (method.length() > 40 ? method.substring(0, 40) : method) + "-"
                + Digests.sha256Hex(name).substring(0, 8);
        if (platform != null) {
            platform.resetAll();
        }
        if (intercom != null) {
            intercom.resetAll();
        }
        reset.all();
        if (installsWorkspace()) {
            reset.install(workspace);
            reset.install(CanvasPayloads.WORKSPACE);
        }
    }

    /** The workspace, installed with {@link IntercomStub#TOKEN} in the US region, as calls to Intercom see it. */
    protected Workspace installed(String workspaceId) {
        return reset.install(workspaceId);
    }

    /**
     * Whether the test's workspace starts installed (with {@link IntercomStub#TOKEN}), as most tests need; a test
     * of what an uninstalled workspace gets says no.
     */
    protected boolean installsWorkspace() {
        return true;
    }
}
