package vn.trean.organisation;

/**
 * The scope of the administrator making the current request. Implemented by {@code identity}, which knows the
 * signed-in user and their agency (this module may not depend on it); outside a request (start-up, the
 * reference-data load, the demo) the scope is the whole country.
 */
public interface AdministrationScopes {

    AdministrationScope current();
}
