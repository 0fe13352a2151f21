using System.Net.Mail;
using Dispatch.Web.Auth;

namespace Dispatch.Web.Users;

/// <summary>The e-mail (sign-in name) and display name of a new user.</summary>
public static class UserDetailsRules
{
    public const int MaxEmailLength = 256;
    public const int MaxDisplayNameLength = 100;

    public static List<FieldError> Check(string? email, string? displayName)
    {
        var errors = new List<FieldError>();
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            errors.Add(new("email", "required", "请输入邮箱。", "Enter the e-mail address."));
        }
        else if (address.Length > MaxEmailLength || HasControl(address) || !IsAddress(address))
        {
            errors.Add(new("email", "invalid", "邮箱格式不正确。", "The e-mail address is not valid."));
        }
        else if (DemoAccounts.IsDemo(address))
        {
            errors.Add(new("email", "demo_domain", $"{DemoAccounts.Domain} 是演示账号专用域名，不能用于真实用户。",
                $"{DemoAccounts.Domain} is reserved for demo accounts and may not be used for real users."));
        }
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("displayName", "required", "请输入姓名。", "Enter the name."));
        }
        else if (name.Length > MaxDisplayNameLength || HasControl(name))
        {
            errors.Add(new("displayName", "invalid", $"姓名不超过 {MaxDisplayNameLength} 个字符，且不含控制字符。",
                $"The name has at most {MaxDisplayNameLength} characters and no control characters."));
        }
        return errors;
    }

    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('@', StringComparison.Ordinal);

    private static bool HasControl(string value) => value.Any(char.IsControl);
}
