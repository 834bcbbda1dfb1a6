package app.carepanel.base;

/**
 * Ids that become one segment of a REST path ({@code /contacts/{id}}). The REST client percent-encodes what it
 * puts in a path parameter, {@code /} included, but {@code .} and {@code ..} need no encoding and a server or a
 * proxy that normalises paths reads them as "this" and "the parent" ({@code DELETE /conversations/../tags/t-1}
 * would name a tag workspace-wide). Such ids, and empty ones, are refused before any call.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /** True when the id stands for itself as one path segment once encoded. */
    public static boolean isSingle(String id) {
        return id != null && !id.isBlank() && !id.equals(".") && !id.equals("..");
    }
}
