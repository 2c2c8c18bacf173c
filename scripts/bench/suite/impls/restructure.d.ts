// restructure 3.0.2 ships no type declarations; the peer uses it untyped.
declare module "restructure";
