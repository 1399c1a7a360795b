package vn.trean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TreAnApplication {

    public static void main(String[] args) {
        SpringApplication.run(TreAnApplication.class, args);
    }
}
