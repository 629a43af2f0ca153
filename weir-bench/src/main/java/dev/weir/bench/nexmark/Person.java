package dev.weir.bench.nexmark;

/** A Nexmark person: someone who opens auctions or bids (Nexmark's {@code Person}), a public-field POJO. */
public class Person {
    public long id;
    public String name;
    public String emailAddress;
    public String creditCard;
    public String city;
    public String state;
    public long dateTime;

    /** For Flink's POJO rules. */
    public Person() {
    }

    public Person(long id, String name, String emailAddress, String creditCard, String city, String state,
                  long dateTime) {
        this.id = id;
        this.name = name;
        this.emailAddress = emailAddress;
        this.creditCard = creditCard;
        this.city = city;
        this.state = state;
        this.dateTime = dateTime;
    }
}
