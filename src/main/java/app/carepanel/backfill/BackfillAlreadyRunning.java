package app.carepanel.backfill;

/** A backfill was asked for in a workspace where one is running: that one, which goes on. */
public class BackfillAlreadyRunning extends RuntimeException {

    private final transient Backfill running;

    BackfillAlreadyRunning(Backfill running) {
        super("a backfill is already running in workspace " + running.workspaceId + " (id " + running.id + ")", null,
                false, false);
        this.running = running;
    }

    public Backfill running() {
        return running;
    }
}
