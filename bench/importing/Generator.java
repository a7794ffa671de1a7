import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded generator of realistic lead exports for the import benchmark: HubSpot-like headers, names,
 * company domains, titles, sizes, countries and sources; about 2 % invalid rows (bad email, size or country)
 * and about 5 % duplicates of earlier rows (the email in other letter case).
 *
 * With {@code messy} as fourth argument the file is shaped like a CRM export as people have them: a
 * {@code Create Date} column written month first with a time ({@code 2/5/24 1:51}, HubSpot's way), a {@code Lead Status}
 * column (New, Working, MQL, Unqualified, Converted…) to map to the lifecycle stage, and about 10 % placeholders
 * ({@code [not provided]}, {@code null}, {@code N/A}, {@code -}, {@code Select}) in title, country and industry.
 *
 * Run: java bench/importing/Generator.java OUT.csv [ROWS=1048576] [SEED=42] [messy]
 */
public class Generator {

    static final String[] FIRST = {"Ana", "Bruno", "Carla", "Diego", "Elisa", "Fabio", "Gabriela", "Hugo", "Isabela", "Joao",
            "Larissa", "Marcos", "Natalia", "Otavio", "Paula", "Rafael", "Sofia", "Tiago", "Emma", "Liam", "Olivia", "Noah",
            "Mia", "Lucas", "Zoe", "Ethan", "Chloe", "Max", "Lea", "Ben"};
    static final String[] LAST = {"Souza", "Oliveira", "Santos", "Lima", "Pereira", "Costa", "Ferreira", "Almeida", "Smith",
            "Johnson", "Brown", "Garcia", "Miller", "Davis", "Muller", "Schmidt", "Martin", "Bernard", "Rossi", "Silva"};
    static final String[] COMPANY_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Soylent",
            "Hooli", "Vandelay", "Pied", "Piper", "Blue", "Sun", "North", "Green", "Iron", "Bright", "Nova", "Vertex"};
    static final String[] SUFFIX = {"Labs", "Systems", "Group", "Retail", "Logistics", "Health", "Foods", "Software", "Media", "Bank"};
    static final String[] TITLES = {"CEO", "Founder", "CTO", "VP Sales", "VP Marketing", "Director of Operations",
            "Head of Growth", "Marketing Manager", "Sales Manager", "Team Lead", "Analyst", "Engineer", "Consultant",
            "Coordinator", "Student", "Intern", ""};
    static final String[] COUNTRIES = {"Brazil", "BR", "United States", "USA", "Germany", "DE", "France", "United Kingdom",
            "Portugal", "Spain", "Mexico", "Canada", "India", "Netherlands", ""};
    static final String[] SOURCES = {"paid_search", "organic_search", "direct_traffic", "referral", "social", "display",
            "email", "other_publicities", "other", "unknown", ""};
    static final String[] INDUSTRY = {"retail", "health", "software", "finance", "manufacturing", "education", "logistics"};
    static final String[] PLACEHOLDERS = {"[not provided]", "null", "N/A", "-", "Select"};
    static final String[] STATUS = {"New", "New", "New", "Open", "Working", "Attempted to contact", "MQL", "Unqualified",
            "Converted", "Bad timing", ""};
    static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_048_576;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        boolean messy = args.length > 3 && args[3].equals("messy");
        String[] emails = new String[rows];
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("First Name,Last Name,Email Address,Company Name,Job Title,Number of Employees,Country,Lead Source,Industry"
                    + (messy ? ",Create Date,Lead Status\n" : "\n"));
            for (int i = 0; i < rows; i++) {
                if (i > 100 && random.nextInt(100) < 5) {
                    // A duplicate of an earlier row, the email in upper case.
                    String earlier = emails[random.nextInt(i)];
                    emails[i] = earlier;
                    w.write("Dup,Licate," + earlier.toUpperCase(Locale.ROOT) + ",Acme Labs,,,,email,retail"
                            + (messy ? ",1/2/23 9:05,New\n" : "\n"));
                    continue;
                }
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String company = COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " " + SUFFIX[random.nextInt(SUFFIX.length)];
                String domain = random.nextInt(10) == 0 ? FREE_MAIL[random.nextInt(FREE_MAIL.length)]
                        : company.toLowerCase(Locale.ROOT).replace(' ', '-') + (i % 997) + ".com";
                String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "." + i + "@" + domain;
                String size = Integer.toString(new int[] {3, 8, 15, 40, 90, 150, 400, 900, 2500, 12000}[random.nextInt(10)]);
                String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                int broken = random.nextInt(100) < 2 ? 1 + random.nextInt(3) : 0;
                if (broken == 1) {
                    email = email.replace("@", " at ");
                } else if (broken == 2) {
                    size = "lots";
                } else if (broken == 3) {
                    country = "Atlantis";
                }
                emails[i] = email;
                String title = TITLES[random.nextInt(TITLES.length)];
                String industry = INDUSTRY[random.nextInt(INDUSTRY.length)];
                if (messy) {
                    title = random.nextInt(10) == 0 ? PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)] : title;
                    country = random.nextInt(10) == 0 ? PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)] : country;
                    industry = random.nextInt(10) == 0 ? PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)] : industry;
                }
                w.write(String.join(",", first, last, email, quote(company), quote(title), size, quote(country),
                        SOURCES[random.nextInt(SOURCES.length)], industry));
                if (messy) {
                    // Month first, two-digit year, a time: 2/5/24 1:51 is 5 February 2024.
                    w.write("," + (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + "/" + (19 + random.nextInt(6))
                            + " " + random.nextInt(24) + ":" + String.format("%02d", random.nextInt(60)) + ","
                            + STATUS[random.nextInt(STATUS.length)]);
                }
                w.write('\n');
            }
        }
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
