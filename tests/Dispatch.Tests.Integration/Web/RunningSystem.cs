namespace Dispatch.Tests.Integration.Web;

/// <summary>One silo and one web app on a database of their own, for the web tests of a class.</summary>
public sealed class RunningSystem() : LocalSystem("web")
{
    /// <summary>A client signed in with a bearer token.</summary>
    public Task<HttpClient> SignInAsync(string email, string password = "Demo#12385") => Web.SignInAsync(email, password);
}
