/**
 * Spring Boot auto-configuration for Quarry: the engine on the application's DataSource, sessions
 * bound to Spring transactions, DAO beans, the health indicator. See docs/spring-boot.md.
 */
package dev.quarry.spring;
