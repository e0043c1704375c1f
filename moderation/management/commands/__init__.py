"""Screening, classifier training and policy backtesting from the shell."""
