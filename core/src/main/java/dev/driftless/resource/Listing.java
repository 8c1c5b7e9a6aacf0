package dev.driftless.resource;

import java.util.List;
import java.util.Optional;

/**
 * {@code Listing} is every file found at a {@link Location}: the files of a folder (on disk, or on the class path in a
 * folder or a jar), sorted by relative path, or the one file the location names.
 *
 * @param location the location listed
 * @param singleFile {@code true} when the location names one file rather than a folder
 * @param resources the files, sorted by relative path; something that is no regular file is listed too, and reading
 *     it says what it is
 * @param problems what kept part of a folder from being listed (a subfolder that cannot be read, a link that loops),
 *     each naming its path and what to do; empty when everything was listed
 */
public record Listing(Location location, boolean singleFile, List<Resource> resources, List<String> problems) {

    /**
     * Lists are copied.
     *
     * @param location the value for the {@code location} record component
     * @param singleFile the value for the {@code singleFile} record component
     * @param resources the value for the {@code resources} record component
     * @param problems the value for the {@code problems} record component
     */
    public Listing {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }

    /**
     * @param relativePath a path relative to the location, with {@code /} separators
     * @return the file at that path, if listed
     */
    public Optional<Resource> find(String relativePath) {
        return resources.stream().filter(r -> r.relativePath().equals(relativePath)).findFirst();
    }
}
