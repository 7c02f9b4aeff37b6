// Dismissals of warnings, with a reason, bound to the values they were given for.
export * from './dismissals';
export * from './fingerprint';
