namespace Dispatch.Tests.Fixtures;

/// <summary>Finds the checkout's root (where Dispatch.sln is) from the test binaries' folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dispatch.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Could not find Dispatch.sln above " + AppContext.BaseDirectory);
    }
}
