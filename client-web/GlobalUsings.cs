// The namespaces nearly every endpoint and read model of the web app uses: who acts, typed refusals, the item kernel
// and its HTTP answers.
global using Dispatch.Errors;
global using Dispatch.Identity;
global using Dispatch.Web.Auth;
global using Dispatch.Web.Items;
global using Dispatch.Web.Problems;
global using Microsoft.AspNetCore.Http.HttpResults;
