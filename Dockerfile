# Build with the project's own Maven wrapper, run on a JRE.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/dialtone-*.jar /app/dialtone.jar
# Inside a container, loopback is the container's own: listen on every interface.
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-Xmx96m", "-XX:+UseSerialGC", "-jar", "/app/dialtone.jar"]
