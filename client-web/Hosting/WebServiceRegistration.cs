using Dispatch.Schema;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Auth.Sessions;
using Dispatch.Web.Input;
using Dispatch.Web.Security;
using Dispatch.Web.LegalAid;
using Dispatch.Web.People;
using Dispatch.Web.Rehab;
using Dispatch.Web.Live;
using Dispatch.Web.Open311;
using Dispatch.Web.Reference;
using Dispatch.Web.Tickets;
using Dispatch.Web.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Web.Hosting;

/// <summary>Everything the web app registers: database, identity, Orleans client, problem details, OpenAPI.</summary>
public static class WebServiceRegistration
{
    public static WebApplicationBuilder AddDispatchWeb(this WebApplicationBuilder builder)
    {
        var connectionString = DatabaseConnection.Resolve(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DatabaseConnection.CreateDataSource(connectionString));
        services.AddSingleton<ReferenceQueries>();
        services.AddSingleton<ReferenceHistory>();
        services.AddSingleton<EventHistory>();
        services.AddSingleton<TicketReadModel>();
        services.AddSingleton<CallbackQueue>();
        services.AddSingleton<Dispatch.Web.Supervision.SupervisionOrderList>();
        services.AddSingleton<LegalAidReadModel>();
        services.AddSingleton<RehabReadModel>();
        services.AddSingleton<PersonTimeline>();
        services.AddSingleton(provider => new Dispatch.People.PersonIdKey(PersonIdKeyStore.Load(provider.GetRequiredService<NpgsqlDataSource>())));
        services.AddSingleton<Dispatch.Web.Audit.AccessAudit>();
        // The message texts, checked at start like the silo's (an unknown placeholder stops the start).
        services.AddSingleton(Dispatch.Notifications.NotificationTemplates.Load(DatabaseSetup.DefaultReferenceDataFolder));
        services.AddSingleton<Dispatch.Web.Notifications.NotificationList>();
        services.Configure<Dispatch.Web.Attachments.AttachmentOptions>(builder.Configuration.GetSection(Dispatch.Web.Attachments.AttachmentOptions.Section));
        services.AddSingleton<Dispatch.Web.Attachments.IAttachmentStore, Dispatch.Web.Attachments.PostgresAttachmentStore>();
        services.AddScoped<AccountSeeder>();

        services.AddDbContext<IdentityStore>(o => o.UseNpgsql(connectionString));
        services.AddIdentityApiEndpoints<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>()
            .AddClaimsPrincipalFactory<ScopedClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dispatch.auth";
            // API callers get problem details, not a redirect to a login page.
            o.Events.OnRedirectToLogin = context => WriteStatus(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => WriteStatus(context.Response, StatusCodes.Status403Forbidden);
        });
        builder.AddAccountSecurity();
        services.AddUserAdministration();
        services.AddOpen311();
        services.AddDataProtection().SetApplicationName("dispatch-12385").PersistKeysToDbContext<IdentityStore>()
            .ProtectKeysWithCertificate(KeyEncryptionCertificate.Load(builder.Configuration));
        services.AddAuthorizationBuilder().AddDispatchPolicies();

        // Sessions set the cookie's sliding and absolute lifetimes and the token lifetimes (section Sessions).
        services.AddDispatchSessions(builder.Configuration);
        builder.AddDispatchSecurity();
        // Before AddInputLimits: the first hub filter added is the outermost, so HubCallLogging also sees the input guard's refusals.
        services.AddSupervisionHub();

        services.AddInputLimits();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResponses.Complete);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.AddDocumentTransformer<ProblemSchema>();
            o.AddOperationTransformer(new OperationConventions(RateLimits.Covers,
                path => path.StartsWith(Open311Endpoints.Root, StringComparison.Ordinal)));
            o.AddSchemaTransformer<ClosedSetSchemas>();
        });
        builder.AddDispatchClusterClient(connectionString);
        services.AddFailoverRetry(builder.Configuration);
        builder.AddDispatchWebTelemetry();
        return builder;
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
