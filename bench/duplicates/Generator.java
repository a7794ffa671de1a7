import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A lead file with known duplicates, for bench/duplicates: PERSONS people (the label column {@code person} says who is
 * who), a tenth of them entered twice, the second record made the way real bases get them: a typo in the name at the
 * same company from a private address, the name in the other order with a +tag address, Gmail dots, the same phone in
 * another format with another address, or the same name with a private address at the same company. People who only
 * share a common name (no duplicate) are in the file too, as in life.
 *
 * <pre>java bench/duplicates/Generator.java OUT.csv PERSONS SEED</pre>
 */
public class Generator {

    static final String[] FIRST = ("Ana Bruno Carla Diego Elisa Fabio Gabriela Hugo Isabela Joao Karina Lucas Mariana Nuno Olga "
            + "Paulo Quiteria Rafael Sofia Tiago Ursula Vitor Wanda Xavier Yara Zeca Alice Bernardo Clara Daniel Eva Felipe Helena "
            + "Igor Julia Leonardo Marta Nelson Otavio Patricia Renata Sergio Tania Vera Wagner Aline Beatriz Caio Debora Emilio "
            + "Flavia Gustavo Heloisa Ivo Joana Luiza Marcelo Natalia Pedro Raquel Samuel Teresa Valeria William").split(" ");
    static final String[] LAST = ("Souza Oliveira Santos Lima Pereira Costa Ferreira Almeida Rodrigues Gomes Martins Araujo "
            + "Barbosa Ribeiro Alves Carvalho Rocha Dias Teixeira Moreira Nunes Mendes Cardoso Correia Pinto Castro Freitas "
            + "Fernandes Vieira Monteiro Moura Campos Cavalcanti Nascimento Andrade Lopes Machado Batista Duarte Ramos Reis "
            + "Farias Azevedo Borges Macedo Queiroz Siqueira Tavares Xavier Brandao Prado Rezende Coelho Faria Pacheco Peixoto "
            + "Sampaio Bezerra Aguiar Amaral Barros Bastos Brito Cunha Fonseca Guimaraes Leal Lacerda Medeiros Miranda Neves "
            + "Pires Porto Quintana Saldanha Serra Torres Valente Vasconcelos").split(" ");
    static final String[] COMPANY = ("Acme Globex Initech Umbrella Stark Wayne Tyrell Soylent Hooli Vandelay Cyberdyne Oscorp "
            + "Wonka Gringotts Monarch Aperture Massive Dynamic Pied Piper Prestige Nakatomi Virtucon Ceramica Parana Boreal "
            + "Atlantica Serra Verde Rio Norte Sul Leste Oeste").split(" ");
    static final String[] SUFFIX = {"Labs", "Systems", "Group", "Retail", "Logistics", "Health", "Foods", "Software", "Media", "Bank"};

    record Person(String first, String last, String company, String domain, String phone, int n) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int persons = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        int duplicates = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("first_name,last_name,email,company,title,phone,person\n");
            for (int i = 0; i < persons; i++) {
                String company = COMPANY[random.nextInt(COMPANY.length)] + " " + COMPANY[random.nextInt(COMPANY.length)] + " "
                        + SUFFIX[random.nextInt(SUFFIX.length)];
                String domain = company.toLowerCase().replace(" ", "") + ".example";
                String phone = random.nextInt(10) < 7 ? String.format("%08d", random.nextInt(100_000_000)) : null;
                Person p = new Person(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)], company, domain,
                        phone, i);
                boolean gmail = random.nextInt(10) == 0;
                String email = gmail ? (p.first + "." + p.last + "." + i + "@gmail.com").toLowerCase()
                        : (p.first + "." + p.last + "." + i + "@" + domain).toLowerCase();
                row(w, p.first, p.last, email, company, "Buyer", phone == null ? "" : "+55 11 9" + phone, i);
                if (random.nextInt(10) != 0) {
                    continue;
                }
                duplicates++;
                int kind = random.nextInt(5);
                switch (kind == 3 && phone == null ? 4 : kind) {
                    case 0 -> row(w, p.first, typo(p.last, random), (p.first + p.last + i + "@hotmail.example").toLowerCase(),
                            company, "", "", i);
                    case 1 -> row(w, p.last, p.first, email.replace("@", "+crm@"), "", "", "", i);
                    case 2 -> row(w, p.first, p.last, gmail ? email.replace(".", "").replace("gmailcom", "gmail.com")
                            : (p.first + "." + p.last + "." + i + "@" + domain).toLowerCase().replace("@", "+events@"), "", "", "", i);
                    case 3 -> row(w, p.first.substring(0, 1) + ".", p.last, ("p" + i + "@other.example"), "", "",
                            "(11) 9" + phone.substring(0, 4) + "-" + phone.substring(4), i);
                    default -> row(w, p.first, p.last, (p.first + "." + p.last + i + "@gmail.com").toLowerCase(), company, "", "", i);
                }
            }
        }
        System.out.println(persons + " people, " + duplicates + " of them twice");
    }

    private static String typo(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 1);
        return random.nextBoolean() ? word.substring(0, at) + word.substring(at + 1)   // a letter dropped
                : word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);   // one changed
    }

    private static void row(BufferedWriter w, String first, String last, String email, String company, String title,
                            String phone, int person) throws IOException {
        w.write(first + "," + last + "," + email + "," + company + "," + title + "," + phone + "," + person + "\n");
    }
}
