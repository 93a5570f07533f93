package io.m365platform.graph.paging;

/** Called after each fully read page, e.g. to flush a batch and checkpoint {@link Page#nextLink()}. */
@FunctionalInterface
public interface PageListener {

    PageListener NONE = page -> { };

    void onPage(Page page);
}
