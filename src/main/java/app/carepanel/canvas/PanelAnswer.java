package app.carepanel.canvas;

import java.util.List;

/** A canvas and what the audit trail says of it: how it went, in words, and the client records it showed. */
record PanelAnswer(Canvas canvas, String outcome, List<Long> clientIds) {

    static PanelAnswer of(Canvas canvas, String outcome) {
        return new PanelAnswer(canvas, outcome, List.of());
    }
}
