using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Auth;

/// <summary>
/// Our rules on top of Identity's length and complexity checks: not the published demo password, not the
/// e-mail's local part, not a well-known password.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;

    public const string DemoPasswordCode = "PasswordIsDemoPassword";
    public const string ContainsEmailCode = "PasswordContainsEmail";
    public const string CommonCode = "PasswordTooCommon";

    // A few of the most used passwords (and their obvious variants) that pass the complexity rules.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Password123!", "Password1234!", "P@ssw0rd1234", "P@ssword1234", "Passw0rd!234", "Welcome123!@",
        "Welcome@12345", "Qwerty123456!", "Qwerty@12345", "Admin@123456", "Admin123456!", "Abc@12345678",
        "Abcd@1234567", "Aa123456789!", "Aa@123456789", "Zxcvbnm@1234", "Changeme123!", "Letmein12345!",
        "Iloveyou123!", "1qaz@WSX3edc", "1qaz!QAZ2wsx", "Summer2024!!", "Winter2024!!", "Jx12385@12385",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var errors = new List<IdentityError>();
        if (password.Contains(DemoAccounts.Password, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = DemoPasswordCode, Description = "The password is the published demo password." });
        }
        var localPart = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (localPart.Length >= 3 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = ContainsEmailCode, Description = "The password contains the e-mail address." });
        }
        if (Common.Contains(password))
        {
            errors.Add(new IdentityError { Code = CommonCode, Description = "The password is a well-known password." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>Identity's and our password errors as field errors with Chinese and English text.</summary>
    public static FieldError[] ToFieldErrors(IEnumerable<IdentityError> errors, string field) =>
        errors.Select(e => ToFieldError(e, field)).ToArray();

    private static FieldError ToFieldError(IdentityError error, string field)
    {
        var (code, zh, en) = error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => ("too_short", $"密码至少 {MinimumLength} 个字符。", $"The password needs at least {MinimumLength} characters."),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => ("requires_digit", "密码须包含数字。", "The password needs a digit."),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => ("requires_lower", "密码须包含小写字母。", "The password needs a lower-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => ("requires_upper", "密码须包含大写字母。", "The password needs an upper-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => ("requires_symbol", "密码须包含符号（如 #、@、!）。", "The password needs a symbol (such as #, @, !)."),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ("requires_unique", "密码中不同的字符太少。", "The password has too few different characters."),
            DemoPasswordCode => ("demo_password", "不能使用公开的演示密码。", "The published demo password may not be used."),
            ContainsEmailCode => ("contains_email", "密码不能包含邮箱名。", "The password may not contain the e-mail name."),
            CommonCode => ("too_common", "该密码过于常见，请另选。", "This password is too common; choose another."),
            _ => ("invalid", "密码不符合要求。", "The password does not meet the rules."),
        };
        return new FieldError(field, code, zh, en);
    }
}
