# Leadline as a container image: `docker build -t leadline .` (or `docker compose --profile app up`, which builds it).
# The build stage runs the same Maven build as everywhere else; the image holds the jar's layers (dependencies first,
# so a code change rebuilds only the last, small layer) and runs as an unprivileged user.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl lead-web -am package -DskipTests \
 && java -Djarmode=tools -jar lead-web/target/lead-web-*-SNAPSHOT.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/leadline --create-home leadline
USER leadline
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# In a container the database is a server of its own (LEADLINE_DB_URL): never the embedded one.
ENV LEADLINE_EMBEDDED_DB=false \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    LEADLINE_IMPORT_DIR=/var/lib/leadline/imports
VOLUME /var/lib/leadline
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
