package io.anygate.anytime;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version segment of {@code /v<major>.<minor>/...}, checked before routing: a first segment that looks like a
 * version but is not {@code v<digits>.<digits>} answers 4000010, any version other than 1.0 answers 4000011.
 */
@Provider
@PreMatching
public class VersionFilter implements ContainerRequestFilter {

    static final String SUPPORTED = "v1.0";
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,6})\\.(\\d{1,6})");

    @Inject
    AnytimeSurface surface;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = AnytimeSurface.normalize(request.getUriInfo().getPath());
        if (path.length() < 3 || path.charAt(1) != 'v' || !surface.covers(path)) {
            return;
        }
        int end = path.indexOf('/', 1);
        String segment = end < 0 ? path.substring(1) : path.substring(1, end);
        char second = segment.length() > 1 ? segment.charAt(1) : ' ';
        if (!Character.isDigit(second) && second != '.') {
            return;
        }
        Matcher m = VERSION.matcher(segment);
        if (!m.matches()) {
            throw new AnytimeException(AnytimeError.BAD_VERSION_FORMAT,
                    "Bad version format: use /v<major>.<minor>/, e.g. /v1.0/");
        }
        if (!segment.equals(SUPPORTED)) {
            throw new AnytimeException(AnytimeError.VERSION_NOT_SUPPORTED, "Version not supported: only v1.0 is");
        }
    }
}
