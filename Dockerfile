# The production shape of Trẻ An: the app as a plain jar, against the PostgreSQL named by TREAN_DB_URL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY forms forms
COPY src/main src/main
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app trean
WORKDIR /app
COPY --from=build /src/target/tre-an-*.jar app.jar
USER trean
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
