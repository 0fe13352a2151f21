namespace Dispatch.Web.Auth.Sessions;

/// <summary>The one answer to a refused sign-in, whatever the reason (unknown e-mail, wrong password, locked account).</summary>
public static class SignInRefusal
{
    public static ProblemHttpResult Answer(HttpContext context) =>
        ProblemResponses.Status(context, StatusCodes.Status401Unauthorized, "invalid_credentials",
            "邮箱或密码不正确，或账号暂时无法登录，请稍后再试。", "The e-mail or password is wrong, or the account cannot sign in right now; try again later.");
}
