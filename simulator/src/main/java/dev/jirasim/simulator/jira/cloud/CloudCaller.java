package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.atlassian.resources.Bearer;
import dev.jirasim.simulator.atlassian.resources.GatewayErrors;
import dev.jirasim.simulator.atlassian.resources.RequiredScope;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;

/**
 * Who is calling Jira through the gateway, on which site and API version. Built once per request: the bearer
 * token must be valid and its grant must cover the cloudId in the path (a site outside the grant is a 401,
 * our choice where the reference is silent); then the user's own permissions limit what they see. On the site host
 * ({@link #ofSite}) the caller comes from Basic API-token credentials instead: {@code session} is null, scopes do
 * not apply, and the user may be {@link User#ANONYMOUS}. {@code siteUrl} is the URL that names the site in answers
 * ({@link World#siteUrl}).
 */
public record CloudCaller(World world, TokenStore.Session session, Site site, User user, int version, String apiBase, String siteUrl) {

    public static CloudCaller of(World world, String authorization, String cloudId, String version, String publicUrl) {
        if (!version.equals("2") && !version.equals("3")) throw JiraErrors.message(404, "No API version " + version + " here.");
        TokenStore.Session session = Bearer.authenticate(world, authorization);
        Site site = world.site(cloudId).filter(s -> s.cloudId().equals(cloudId))
                .filter(s -> session.grant().siteScopes().containsKey(s.cloudId()))
                .orElseThrow(GatewayErrors::unauthorized);
        User user = world.user(session.grant().accountId()).orElseThrow(GatewayErrors::unauthorized);
        return new CloudCaller(world, session, site, user, Integer.parseInt(version), publicUrl + "/api/ex/jira/" + cloudId + "/rest/api/" + version,
                world.siteUrl(site, publicUrl));
    }

    /**
     * The caller on {@code https://{subdomain}.atlassian.net}, served under {@code publicUrl/site/{subdomain}}: an
     * unknown subdomain is a 404 (our choice); the credentials are judged by {@link SiteAuth}, the route decides what
     * an anonymous or failed caller gets.
     */
    public static CloudCaller ofSite(World world, SiteAuth.Outcome who, String subdomain, String version, String publicUrl) {
        if (!version.equals("2") && !version.equals("3")) throw JiraErrors.message(404, "No API version " + version + " here.");
        Site site = world.site(subdomain).filter(s -> s.subdomain().equals(subdomain)).orElseThrow(() -> JiraErrors.noSuchSite(subdomain));
        return new CloudCaller(world, null, site, who.user(), Integer.parseInt(version), publicUrl + "/site/" + subdomain + "/rest/api/" + version,
                world.siteUrl(site, publicUrl));
    }

    /** The token's scopes on this site must satisfy {@code scope} (else the gateway's 401); API tokens have no scopes. */
    public void requireScope(RequiredScope scope) {
        if (session == null) return;
        Bearer.requireScope(session, site.cloudId(), scope);
    }

    public boolean can(Project project, Permission permission) {
        return world.jira().can(user, project, permission);
    }

    public boolean canBrowse(Project project) {
        return can(project, Permission.BROWSE);
    }
}
