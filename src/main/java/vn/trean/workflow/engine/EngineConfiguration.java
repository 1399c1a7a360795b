package vn.trean.workflow.engine;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.calendar.HolidaySettings;
import vn.trean.workflow.calendar.HolidayStore;
import vn.trean.workflow.calendar.WorkingDayCalendar;
import vn.trean.workflow.calendar.WorkingDayDueDateCalendar;
import vn.trean.workflow.model.ModelGuard;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.StepCompletion;
import vn.trean.workflow.routing.TaskHandover;
import vn.trean.workflow.routing.TaskRouting;
import vn.trean.workflow.routing.WorkflowSettings;

@Configuration
@EnableConfigurationProperties({HolidaySettings.class, WorkflowSettings.class})
class EngineConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(HolidayStore holidays, WorkflowSettings settings) {
        return new WorkingDayCalendar(holidays::days, settings.zone());
    }

    /**
     * Registers the working-day due-date calendar, the routing listeners on every user task, and the
     * guard that refuses models breaking the rules, whichever way they are deployed.
     *
     * <p>Expressions and scripts see only the project's delegates. The Spring factory bean of the engine
     * has already installed an expression manager that resolves every bean of the context by the time
     * plugins run, so setting the beans alone would change nothing: the manager is replaced too. The
     * engine then registers its functions on this manager, and the DMN engine and scripting take it and
     * the beans from the configuration after this point.
     */
    @Bean
    ProcessEnginePlugin treAnEnginePlugin(WorkingDayCalendar calendar, AgencyRouter router, TaskRouting routing,
                                           StepCompletion completion, TaskHandover handover, ModelGuard guard,
                                           BeanFactory beanFactory) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                var beans = new AllowedBeans(beanFactory, CaseProcess.Delegate.ALL);
                configuration.setBeans(beans);
                configuration.setExpressionManager(new JuelExpressionManager(beans));
                var calendars = new MapBusinessCalendarManager();
                calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
                calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new WorkingDayDueDateCalendar(calendar));
                calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
                configuration.setBusinessCalendarManager(calendars);
                if (configuration.getCustomPostBPMNParseListeners() == null) {
                    configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
                }
                if (configuration.getCustomPreDeployers() == null) {
                    configuration.setCustomPreDeployers(new java.util.ArrayList<>());
                }
                configuration.getCustomPreDeployers().add(guard);
                configuration.getCustomPostBPMNParseListeners()
                        .add(new CaseTaskListenersParseListener(router, routing, completion, handover));
            }
        };
    }

    /**
     * The engine REST API trusts the Spring Security login (HTTP Basic or session) instead of checking
     * passwords of its own: one login, and the engine's groups come from the same users.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.setOrder(101);
        return registration;
    }

    /** The engine's tools may look and repair, not complete tasks: see {@link EngineTaskCompletionFilter}. */
    @Bean
    FilterRegistrationBean<EngineTaskCompletionFilter> engineTaskCompletionFilter() {
        var registration = new FilterRegistrationBean<>(new EngineTaskCompletionFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(102);
        return registration;
    }

    /** The same for Cockpit, Tasklist and Admin. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setOrder(101);
        return registration;
    }
}
