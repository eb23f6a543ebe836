package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPagingTest {

    private static ListPaging.SortKey key(ListPaging.SortKey entry) {
        return entry;
    }

    private static ClientRequest request(String cursor, Integer limit) {
        StringBuilder json = new StringBuilder("{\"type\":\"list_configs\",\"requestId\":\"p\"");
        if (cursor != null) {
            json.append(",\"cursor\":\"").append(cursor).append('"');
        }
        if (limit != null) {
            json.append(",\"limit\":").append(limit);
        }
        return ClientRequest.parse(json.append('}').toString());
    }

    private static List<ListPaging.SortKey> entries(int own) {
        List<ListPaging.SortKey> entries = new ArrayList<>();
        entries.add(new ListPaging.SortKey(0, "Default", "default"));
        for (int i = 0; i < own; i++) {
            // Names repeat, differ in case, and include characters that matter to the cursor's encoding.
            entries.add(new ListPaging.SortKey(1, (i % 2 == 0 ? "arena " : "Arena ") + (i % 7) + " ✓/\"+", "id-" + i));
        }
        Collections.shuffle(entries, new Random(7));
        return entries;
    }

    @Test
    void pagesReturnEveryEntryOnceInOrder() {
        List<ListPaging.SortKey> entries = entries(249);
        List<ListPaging.SortKey> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            ListPaging.Page<ListPaging.SortKey> page = ListPaging.page(request(cursor, 100), entries, ListPagingTest::key);
            seen.addAll(page.entries());
            sizes.add(page.entries().size());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(sizes).containsExactly(100, 100, 50);
        List<ListPaging.SortKey> expected = new ArrayList<>(entries);
        expected.sort(ListPaging.SortKey.ORDER);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(seen.get(0).id()).isEqualTo("default");
    }

    @Test
    void theDefaultLimitIsFiftyAndAnExactFitHasNoNextPage() {
        assertThat(ListPaging.page(request(null, null), entries(99), ListPagingTest::key).entries()).hasSize(50);
        ListPaging.Page<ListPaging.SortKey> all = ListPaging.page(request(null, 100), entries(99), ListPagingTest::key);
        assertThat(all.entries()).hasSize(100);
        assertThat(all.nextCursor()).isNull();
    }

    @Test
    void entriesAddedOrDeletedWhilePagingNeitherRepeatNorHideOthers() {
        List<ListPaging.SortKey> entries = new ArrayList<>(entries(20));
        entries.sort(ListPaging.SortKey.ORDER);
        ListPaging.Page<ListPaging.SortKey> first = ListPaging.page(request(null, 10), entries, ListPagingTest::key);
        ListPaging.SortKey deleted = first.entries().get(9);
        entries.remove(deleted);
        entries.add(new ListPaging.SortKey(1, "zzz late", "new"));
        ListPaging.Page<ListPaging.SortKey> second = ListPaging.page(request(first.nextCursor(), 100), entries, ListPagingTest::key);
        assertThat(second.entries()).doesNotContainAnyElementsOf(first.entries());
        assertThat(second.entries()).last().extracting(ListPaging.SortKey::id).isEqualTo("new");
        assertThat(first.entries().size() + second.entries().size()).isEqualTo(22);
    }

    @Test
    void aLimitOutOfRangeOrAForeignCursorIsRefusedNamingTheField() {
        for (int limit : new int[] {0, 101, -5}) {
            assertThatThrownBy(() -> ListPaging.page(request(null, limit), entries(3), ListPagingTest::key))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
                        assertThat(e.requestId()).isEqualTo("p");
                        assertThat(e.errors()).extracting(FieldError::path).containsExactly("/limit");
                    });
        }
        for (String cursor : new String[] {"not base64!", "bm90IGpzb24", "WzEsMl0"}) {
            assertThatThrownBy(() -> ListPaging.page(request(cursor, 10), entries(3), ListPagingTest::key))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::path).containsExactly("/cursor"));
        }
    }
}
