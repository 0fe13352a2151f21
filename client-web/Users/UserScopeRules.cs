namespace Dispatch.Web.Users;

/// <summary>A user's role and where it applies: supervisors an area, unit staff one unit, operators and admins everything.</summary>
public sealed record UserScope(string Role, string? AreaCode, string? UnitCode, bool UnitHead);

/// <summary>Which scope each role takes, checked against the reference data's areas and units.</summary>
public static class UserScopeRules
{
    public static Outcome<UserScope> Check(string? role, string? areaCode, string? unitCode, bool? unitHead,
        IReadOnlyCollection<string> areaCodes, IReadOnlyCollection<string> unitCodes)
    {
        var area = Blank(areaCode);
        var unit = Blank(unitCode);
        var head = unitHead == true;
        var errors = new List<FieldError>();
        switch (role)
        {
            case Roles.Supervisor:
                if (area is null)
                {
                    errors.Add(new("areaCode", "required", "督办须指定负责的市或县（市、区）。", "A supervisor needs the city or a county."));
                }
                else if (!areaCodes.Contains(area))
                {
                    errors.Add(new("areaCode", "unknown", $"区域代码 {area} 不存在。", $"There is no area {area}."));
                }
                RefuseUnit(unit, head, errors);
                break;
            case Roles.UnitStaff:
                if (unit is null)
                {
                    errors.Add(new("unitCode", "required", "承办人须指定所属单位。", "Unit staff need their unit."));
                }
                else if (unitCodes.FirstOrDefault(c => string.Equals(c, unit, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    unit = known;
                }
                else
                {
                    errors.Add(new("unitCode", "unknown", $"单位 {unit} 不存在。", $"There is no unit {unit}."));
                }
                RefuseArea(area, errors);
                break;
            case Roles.Operator or Roles.Admin:
                RefuseArea(area, errors);
                RefuseUnit(unit, head, errors);
                break;
            default:
                errors.Add(new("role", "unknown", "角色须为 operator、unit_staff、supervisor 或 admin。",
                    "The role must be operator, unit_staff, supervisor or admin."));
                break;
        }
        return errors.Count > 0
            ? DomainError.Validation([.. errors])
            : Outcome<UserScope>.Success(new UserScope(role!, area, unit, role == Roles.UnitStaff && head));
    }

    private static void RefuseArea(string? area, List<FieldError> errors)
    {
        if (area is not null)
        {
            errors.Add(new("areaCode", "not_applicable", "只有督办按区域授权。", "Only supervisors are scoped by area."));
        }
    }

    private static void RefuseUnit(string? unit, bool head, List<FieldError> errors)
    {
        if (unit is not null)
        {
            errors.Add(new("unitCode", "not_applicable", "只有承办人隶属单位。", "Only unit staff belong to a unit."));
        }
        if (head)
        {
            errors.Add(new("unitHead", "not_applicable", "只有承办人可以是单位负责人。", "Only unit staff can head a unit."));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
