package app.carepanel.intercom;

import java.util.List;

/**
 * One page of a workspace's contacts: the contacts, the cursor of the next page (null on the last one), and how
 * many contacts Intercom says the workspace holds (null when it does not say).
 */
public record ContactPage(List<IntercomContact> contacts, String nextCursor, Long totalCount) {

    @Override
    public String toString() {
        return "ContactPage[contacts=" + contacts.size() + ", next=" + (nextCursor == null ? "<none>" : "<cursor>")
                + ", total=" + totalCount + "]";
    }
}
