"""quoteattr"""
