/**
 * The web pages for the people who work cases: sign-in, my tasks, a task with its form, a new report,
 * the case file and the overdue board. Server-rendered (Thymeleaf), in Vietnamese or English. Nothing
 * depends on this module; it uses the other modules' APIs only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package vn.trean.web;
