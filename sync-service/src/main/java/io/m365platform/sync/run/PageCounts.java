package io.m365platform.sync.run;

/** What one committed page added to a step's counters. */
public record PageCounts(long pages, long fetched, long created, long updated, long unchanged, long deleted) {

    public static final PageCounts NONE = new PageCounts(0, 0, 0, 0, 0, 0);

    public PageCounts plus(PageCounts o) {
        return new PageCounts(pages + o.pages, fetched + o.fetched, created + o.created, updated + o.updated,
                unchanged + o.unchanged, deleted + o.deleted);
    }
}
