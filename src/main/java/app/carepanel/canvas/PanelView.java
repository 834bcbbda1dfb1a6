package app.carepanel.canvas;

import java.util.Optional;

/** How much of the profile the panel shows; kept in the canvas's {@code stored_data} between submits. */
enum PanelView {
    /** The first canvas: the most useful fields, about 400 px tall for one account. */
    SUMMARY("summary"),
    /** Every field of every account. */
    ALL("all");

    static final String STORED_KEY = "view";

    private final String stored;

    PanelView(String stored) {
        this.stored = stored;
    }

    String stored() {
        return stored;
    }

    static PanelView fromStored(Optional<String> value) {
        return value.filter(ALL.stored::equals).map(v -> ALL).orElse(SUMMARY);
    }
}
