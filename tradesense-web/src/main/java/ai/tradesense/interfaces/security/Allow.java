package ai.tradesense.interfaces.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.tradesense.application.security.Role;

/**
 * The roles that may call a REST method (any one of them). A method without {@code @Allow} or
 * {@link Public} is open to every signed-in caller; services still check ownership.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {
    Role[] value();
}
