namespace Dispatch.People;

public enum PhoneKind
{
    Mobile = 1,
    Landline = 2,
}
