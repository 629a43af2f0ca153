package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkShapeTest {

    @Test
    void theFirstTwoMillionEventsWrittenIntoOneSlotAreTheEventsTheGeneratorAlwaysProduced() {
        // The digest NexmarkPriceTest pins for eventAt(0 .. 1,999,999); one subtask's source index is the logical one.
        NexmarkShape shape = new NexmarkShape(2_000_000, 1);
        NexmarkEventSlot slot = new NexmarkEventSlot();
        long digest = 0;
        for (long j = 0; j < 2_000_000; j++) {
            digest = digest * 0x9E3779B97F4A7C15L + NexmarkPriceTest.fields(shape.event(j, slot));
        }

        assertThat(Long.toHexString(digest)).isEqualTo("481c3043f70954a5");
    }

    @Test
    void everySourceIndexOfTwoSubtasksGivesTheSameEventFromASlotAsANewOne() {
        NexmarkShape shape = new NexmarkShape(4_000, 2);
        NexmarkEventSlot slot = new NexmarkEventSlot();
        for (long j = 0; j < 4_000; j++) {
            NexmarkEvent fresh = shape.event(j);
            NexmarkEvent filled = shape.event(j, slot);

            assertThat(filled).as("source index %d", j).usingRecursiveComparison().isEqualTo(fresh);
        }
    }

    @Test
    void aSlotRefillsItsOwnEventPersonAndAuctionButGivesEveryBidAsANewObject() {
        NexmarkShape shape = new NexmarkShape(100, 1);
        NexmarkEventSlot slot = new NexmarkEventSlot();

        NexmarkEvent person = shape.event(50, slot);
        Person firstPerson = person.person;
        NexmarkEvent auction = shape.event(51, slot);
        Auction firstAuction = auction.auction;
        NexmarkEvent bid = shape.event(54, slot);
        Bid firstBid = bid.bid;
        Bid secondBid = shape.event(55, slot).bid;

        assertThat(person).isSameAs(auction).isSameAs(bid);
        assertThat(shape.event(52, slot).auction).isSameAs(firstAuction);
        assertThat(shape.event(0, slot).person).isSameAs(firstPerson);
        assertThat(secondBid).isNotSameAs(firstBid);
        assertThat(List.of(firstBid.dateTime, secondBid.dateTime)).containsExactly(5L, 5L);
    }
}
