# Build with the project's own Maven wrapper, run on a JRE.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin dialtone
WORKDIR /app
COPY --from=build /src/target/dialtone-*.jar /app/dialtone.jar
# The H2 files go to /app/data; the process owns that and nothing else.
RUN mkdir /app/data && chown dialtone /app/data
USER dialtone
# Inside a container, loopback is the container's own: listen on every interface.
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-Xmx96m", "-XX:+UseSerialGC", "-jar", "/app/dialtone.jar"]
